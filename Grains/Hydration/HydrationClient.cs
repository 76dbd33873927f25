using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Scanner.Calendar;
using Scanner.Ticker;

namespace Scanner.Hydration;

/// <summary>
/// Loads reference data from the Massive REST endpoints (docs/contracts/reference-data.md), a typed HttpClient:
/// the previous day's bar from the ticker snapshot (<c>prevDay</c>; the last daily bar before the trading day when
/// the snapshot has none), the average daily volume as the mean of the daily volumes of the last 30 trading sessions
/// before the trading day (per <see cref="TradingCalendar"/>, so holidays do not shorten it), and the free float (optional: 0 when unknown or failing). At most
/// <see cref="HydrationOptions.MaxConcurrentRequests"/> requests are in flight per silo, every attempt has a
/// timeout and transient failures are retried: all by the HttpClient's resilience pipeline
/// (<see cref="HydrationClientRegistration"/>). Results and failures are cached per symbol and day by
/// <see cref="ReferenceDataCache"/>.
/// </summary>
public sealed partial class HydrationClient(
    HttpClient http, ReferenceDataCache cache, IOptions<HydrationOptions> options, ILogger<HydrationClient> logger)
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
        var dailyBars = await GetAsync(
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
        return new ReferenceData(
            TradingCalendar.ToNumber(day), prevDay.Open, prevDay.High, prevDay.Low, prevDay.Close, prevDay.Volume, prevDay.Vwap,
            avgVolume, freeFloat);
    }

    /// <summary>Like <see cref="GetAsync"/>, but a failure gives the default (the caller has a fallback).</summary>
    private async Task<T?> GetOptionalAsync<T>(string path, Func<JsonElement, T> parse, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(path, parse, cancellationToken).ConfigureAwait(false);
        }
        catch (HydrationException ex)
        {
            LogOptionalUnavailable(logger, ex, path);
            return default;
        }
    }

    /// <summary>GETs <paramref name="path"/> (through the resilience pipeline) and parses it.</summary>
    private async Task<T> GetAsync<T>(string path, Func<JsonElement, T> parse, CancellationToken cancellationToken)
    {
        var uri = new Uri(new Uri(_options.BaseUrl.TrimEnd('/') + "/"), path);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (_options.ApiKey.Length > 0)
        {
            request.Headers.Authorization = new("Bearer", _options.ApiKey);
        }
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var failure = $"HTTP {(int)response.StatusCode} from {path}";
                throw new HydrationException(IsTransient(response.StatusCode) ? $"{failure} after {_options.MaxAttempts} attempts" : failure);
            }
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(body, default, cancellationToken).ConfigureAwait(false);
            return parse(json.RootElement);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new HydrationException($"timeout from {path} after {_options.MaxAttempts} attempts", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new HydrationException($"{ex.Message} from {path} after {_options.MaxAttempts} attempts", ex);
        }
        catch (JsonException ex)
        {
            throw new HydrationException($"Malformed JSON from {path}", ex);
        }
    }

    /// <summary>The statuses the resilience pipeline retries (so a failure with one of them used every attempt).</summary>
    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static List<DailyBar> ParseDailyBars(JsonElement root)
    {
        var bars = new List<DailyBar>();
        if (root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            foreach (var bar in results.EnumerateArray())
            {
                if (ParseBar(bar) is { } parsed)
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
            ? ParseBar(prevDay)
            : null;

    private static double ParseFreeFloat(JsonElement root)
    {
        if (root.TryGetProperty("results", out var results))
        {
            var first = results.ValueKind == JsonValueKind.Array
                ? results.EnumerateArray().FirstOrDefault()
                : results;
            if (first.ValueKind == JsonValueKind.Object && first.TryGetProperty("free_float", out var value)
                && value.ValueKind == JsonValueKind.Number)
            {
                return value.GetDouble();
            }
        }
        return 0;
    }

    /// <summary>A bar with a positive close, or null (Massive sends zeros for a symbol without a previous day).</summary>
    private static DailyBar? ParseBar(JsonElement bar)
    {
        var close = Number(bar, "c");
        return close > 0
            ? new DailyBar((long)Number(bar, "t"), Number(bar, "o"), Number(bar, "h"), Number(bar, "l"), close, Number(bar, "v"), Number(bar, "vw"))
            : null;
    }

    private static double Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : 0;

    private sealed record DailyBar(long Timestamp, double Open, double High, double Low, double Close, double Volume, double Vwap);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Optional hydration request {Path} failed; using the fallback")]
    private static partial void LogOptionalUnavailable(ILogger logger, Exception exception, string path);
}
