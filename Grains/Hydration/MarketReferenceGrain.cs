using Microsoft.Extensions.Options;
using Scanner.Calendar;

namespace Scanner.Hydration;

/// <summary>
/// A thin shell holding one trading day's <see cref="MarketReferenceTable"/> (key = the day): the first call loads
/// it with <see cref="MarketReferenceLoader"/>, later calls (one per silo) get it from memory. A failed load is
/// tried again by the next call. It stays active for <see cref="HydrationOptions.CacheDuration"/> after a load, so a
/// silo that joins during the day does not load the market again.
/// </summary>
public sealed class MarketReferenceGrain(MarketReferenceLoader loader, IOptions<HydrationOptions> options) : Grain, IMarketReferenceGrain
{
    private MarketReferenceTable? _table;

    public async Task<MarketReferenceTable> GetTable()
    {
        if (_table is null)
        {
            HydrationMetrics.BulkLoads.Add(1);
            _table = await loader.LoadAsync(TradingCalendar.FromNumber((int)this.GetPrimaryKeyLong()), CancellationToken.None);
            DelayDeactivation(options.Value.CacheDuration);
        }
        return _table;
    }
}
