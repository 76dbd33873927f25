using Scanner.Ticker;

namespace Scanner.Hydration;

/// <summary>
/// The silo-wide cache of per-ticker reference data loads, keyed by symbol and trading day: a success is kept for
/// <see cref="HydrationOptions.CacheDuration"/>, a failure for <see cref="HydrationOptions.NegativeCacheDuration"/>.
/// </summary>
public sealed class ReferenceDataCache(TimeProvider time) : LoadCache<(string Symbol, DateOnly Day), ReferenceData>(time)
{
    public Task<ReferenceData> GetOrLoad(
        string symbol, DateOnly day, TimeSpan keep, TimeSpan keepFailure, Func<Task<ReferenceData>> load) =>
        GetOrLoad((symbol, day), keep, keepFailure, load);
}
