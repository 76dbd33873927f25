using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scanner.Calendar;
using Scanner.Ticker;

namespace Scanner.Hydration;

/// <summary>
/// Loads one symbol's reference data from the Massive REST endpoints (docs/contracts/reference-data.md), the
/// fallback of <see cref="MarketReferenceSource"/> for a symbol the bulk data lacks:
/// the previous day's bar from the ticker snapshot (<c>prevDay</c>; the last daily bar before the trading day when
/// the snapshot has none), the average daily volume as the mean of the daily volumes of the last 30 trading sessions
/// before the trading day (per <see cref="TradingCalendar"/>, so holidays do not shorten it), and the free float (optional: 0 when unknown or failing). At most
/// <see cref="HydrationOptions.MaxConcurrentRequests"/> requests are in flight per silo, every attempt has a
/// timeout and transient failures are retried: all by <see cref="MassiveRestClient"/>'s resilience pipeline
/// (<see cref="HydrationClientRegistration"/>). Results and failures are cached per symbol and day by
/// <see cref="ReferenceDataCache"/>.
/// </summary>
public sealed partial class HydrationClient(
    MassiveRestClient rest, ReferenceDataCache cache, IOptions<HydrationOptions> options, ILogger<HydrationClient> logger)
    : IReferenceDataSource
{
    private readonly HydrationOptions _options = options.Value;

    public Task<ReferenceData> LoadAsync(string symbol, DateOnly tradingDay, CancellationToken cancellationToken) =>
        cache.GetOrLoad(symbol, tradingDay, _options.CacheDuration, _options.NegativeCacheDuration,
            () => FetchAsync(symbol, tradingDay, cancellationToken));

    private async Task<ReferenceData> FetchAsync(string symbol, DateOnly day, CancellationToken cancellationToken)
    {
        var escaped = Uri.EscapeDataString(symbol);
        var sessions = TradingCalendar.PreviousTradingDays(day, _options.AverageVolumeDays);
        var (first, last) = (sessions[0], sessions[^1]);
        var from = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dailyBars = await rest.GetAsync(
            $"v2/aggs/ticker/{escaped}/range/1/day/{from}/{to}?adjusted=true&sort=asc&limit=5000", ParseDailyBars, cancellationToken)
            .ConfigureAwait(false);
        dailyBars.RemoveAll(b => TradingCalendar.NewYorkDateOf(b.Timestamp) is var date && (date < first || date > last));
        var prevDay = await GetOptionalAsync($"v2/snapshot/locale/us/markets/stocks/tickers/{escaped}", ParsePrevDay, cancellationToken)
            .ConfigureAwait(false)
            ?? (dailyBars.Count > 0 ? dailyBars[^1] : null)
            ?? throw new HydrationException($"No previous day bar for {symbol} before {day:yyyy-MM-dd}");
        var freeFloat = await GetOptionalAsync($"stocks/vX/float?ticker={escaped}", ParseFreeFloat, cancellationToken)
            .ConfigureAwait(false);
        var avgVolume = dailyBars.Count == 0 ? 0 : dailyBars.TakeLast(_options.AverageVolumeDays).Average(static b => b.Volume);
        return prevDay.AsPreviousDayOf(TradingCalendar.ToNumber(day), avgVolume, freeFloat);
    }

    /// <summary>Like <see cref="MassiveRestClient.GetAsync"/>, but a failure gives the default (the caller has a fallback).</summary>
    private async Task<T?> GetOptionalAsync<T>(string path, Func<JsonElement, T> parse, CancellationToken cancellationToken)
    {
        try
        {
            return await rest.GetAsync(path, parse, cancellationToken).ConfigureAwait(false);
        }
        catch (HydrationException ex)
        {
            LogOptionalUnavailable(logger, ex, path);
            return default;
        }
    }

    private static List<DailyBar> ParseDailyBars(JsonElement root)
    {
        var bars = new List<DailyBar>();
        if (root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            foreach (var bar in results.EnumerateArray())
            {
                if (DailyBar.Parse(bar) is { } parsed)
                {
                    bars.Add(parsed);
                }
            }
        }
        bars.Sort(static (a, b) => a.Timestamp.CompareTo(b.Timestamp));
        return bars;
    }

    private static DailyBar? ParsePrevDay(JsonElement root) =>
        root.TryGetProperty("ticker", out var ticker) && ticker.TryGetProperty("prevDay", out var prevDay)
            ? DailyBar.Parse(prevDay)
            : null;

    private static double ParseFreeFloat(JsonElement root)
    {
        if (root.TryGetProperty("results", out var results))
        {
            var first = results.ValueKind == JsonValueKind.Array
                ? results.EnumerateArray().FirstOrDefault()
                : results;
            return DailyBar.Number(first, "free_float");
        }
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Optional hydration request {Path} failed; using the fallback")]
    private static partial void LogOptionalUnavailable(ILogger logger, Exception exception, string path);
}
