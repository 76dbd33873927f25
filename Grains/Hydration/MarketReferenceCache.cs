using Microsoft.Extensions.Options;

namespace Scanner.Hydration;

/// <summary>
/// The silo's copy of the day's <see cref="MarketReferenceTable"/>: fetched once per trading day (in the silo, from
/// the cluster's <see cref="IMarketReferenceGrain"/> of that day; see <see cref="HydrationClientRegistration"/>), so
/// ten thousand activations read memory. A failed fetch is remembered for
/// <see cref="HydrationOptions.NegativeCacheDuration"/> (tickers fall back per ticker meanwhile); fetching a day
/// forgets the days before it.
/// </summary>
public sealed class MarketReferenceCache(
    Func<DateOnly, Task<MarketReferenceTable>> fetch, TimeProvider time, IOptions<HydrationOptions> options)
{
    private readonly LoadCache<DateOnly, MarketReferenceTable> _tables = new(time);
    private readonly HydrationOptions _options = options.Value;

    public Task<MarketReferenceTable> GetAsync(DateOnly day)
    {
        _tables.RemoveWhere(cached => cached < day);
        return _tables.GetOrLoad(day, _options.CacheDuration, _options.NegativeCacheDuration, () => fetch(day));
    }
}
