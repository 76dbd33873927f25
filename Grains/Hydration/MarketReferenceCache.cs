using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scanner.Hydration;

/// <summary>
/// The silo's copy of the day's <see cref="MarketReferenceTable"/>: fetched once per trading day (in the silo, from
/// the cluster's <see cref="IMarketReferenceGrain"/> of that day; see <see cref="HydrationClientRegistration"/>), so
/// ten thousand activations read memory. A fetch whose call times out (<see cref="TimeoutException"/>: Orleans'
/// response timeout while the grain is still loading the market) is no failure and is made again, so the tickers
/// keep waiting for the table instead of all falling back per ticker. A failed fetch is remembered for
/// <see cref="HydrationOptions.NegativeCacheDuration"/> (tickers fall back per ticker meanwhile); fetching a day
/// forgets the days before it.
/// </summary>
public sealed partial class MarketReferenceCache(
    Func<DateOnly, Task<MarketReferenceTable>> fetch, TimeProvider time, IOptions<HydrationOptions> options, ILogger<MarketReferenceCache> logger)
{
    private readonly LoadCache<DateOnly, MarketReferenceTable> _tables = new(time);
    private readonly HydrationOptions _options = options.Value;

    public Task<MarketReferenceTable> GetAsync(DateOnly day)
    {
        _tables.RemoveWhere(cached => cached < day);
        return _tables.GetOrLoad(day, _options.CacheDuration, _options.NegativeCacheDuration, () => FetchAsync(day));
    }

    private async Task<MarketReferenceTable> FetchAsync(DateOnly day)
    {
        for (var calls = 1; ; calls++)
        {
            try
            {
                return await fetch(day).ConfigureAwait(false);
            }
            catch (TimeoutException ex)
            {
                LogStillLoading(logger, ex, day, calls);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The bulk reference table of {Day:yyyy-MM-dd} is still loading after {Calls} calls timed out; asking again")]
    private static partial void LogStillLoading(ILogger logger, Exception exception, DateOnly day, int calls);
}
