namespace Scanner.Hydration;

/// <summary>
/// The cluster's one store of a trading day's <see cref="MarketReferenceTable"/> (key = the day, yyyymmdd): loads it
/// once with the bulk REST calls and hands it to each silo's cache, so the market is loaded once per day, not once
/// per silo or ticker.
/// </summary>
public interface IMarketReferenceGrain : IGrainWithIntegerKey
{
    /// <summary>The day's table, loaded on the first call; throws <c>HydrationException</c> when the load failed.</summary>
    Task<MarketReferenceTable> GetTable();
}
