using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scanner.Calendar;
using Scanner.Ticker;

namespace Scanner.Hydration;

/// <summary>
/// Loads the whole market's reference data for a trading day in a handful of REST calls
/// (docs/contracts/reference-data.md, "Bulk"): the grouped daily bars of each of the 30 sessions before the day (one
/// call each; the last session's bar is a symbol's previous day, the mean of its bars' volumes its average volume,
/// the same rule as per ticker) and the float listing, page by page along <c>next_url</c>. The float is optional as
/// per ticker (0 when the listing fails); a grouped call that fails, or a session without bars, fails the load.
/// </summary>
public sealed partial class MarketReferenceLoader(
    MassiveRestClient rest, IOptions<HydrationOptions> options, ILogger<MarketReferenceLoader> logger)
{
    /// <summary>Pages of the float listing followed at most, so a server that keeps sending a next_url cannot loop us.</summary>
    public const int MaxFloatPages = 1000;

    private readonly HydrationOptions _options = options.Value;

    public async Task<MarketReferenceTable> LoadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var sessions = TradingCalendar.PreviousTradingDays(day, _options.AverageVolumeDays);
        // All at once: the silo's request limiter lets MaxConcurrentRequests of them run.
        var grouped = await Task.WhenAll(sessions.Select(session => LoadSessionAsync(session, cancellationToken))).ConfigureAwait(false);
        var floats = await LoadFloatsAsync(cancellationToken).ConfigureAwait(false);
        var table = Build(day, grouped, floats);
        LogLoaded(logger, day, table.BySymbol.Count, sessions.Count, floats.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return table;
    }

    /// <summary>The table from each session's bars (oldest session first) and the floats by symbol.</summary>
    internal static MarketReferenceTable Build(
        DateOnly day, IReadOnlyList<IReadOnlyDictionary<string, DailyBar>> sessions, IReadOnlyDictionary<string, double> floats)
    {
        var bySymbol = new Dictionary<string, ReferenceData>(StringComparer.Ordinal);
        var tradingDay = TradingCalendar.ToNumber(day);
        foreach (var symbol in sessions.SelectMany(static s => s.Keys).Distinct(StringComparer.Ordinal))
        {
            DailyBar? last = null;
            var (volume, bars) = (0.0, 0);
            foreach (var session in sessions)
            {
                if (session.TryGetValue(symbol, out var bar))
                {
                    last = bar;
                    volume += bar.Volume;
                    bars++;
                }
            }
            bySymbol[symbol] = last!.AsPreviousDayOf(tradingDay, volume / bars, floats.GetValueOrDefault(symbol));
        }
        return new MarketReferenceTable(tradingDay, bySymbol);
    }

    private async Task<IReadOnlyDictionary<string, DailyBar>> LoadSessionAsync(DateOnly session, CancellationToken cancellationToken)
    {
        var date = session.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var path = $"v2/aggs/grouped/locale/us/market/stocks/{date}?adjusted=true";
        var bars = ToBars(await rest.GetBulkAsync(path, MassiveJsonContext.Default.GroupedDailyResponse, cancellationToken).ConfigureAwait(false));
        return bars.Count > 0 ? bars : throw new HydrationException($"No grouped daily bars for {date} ({path})");
    }

    private async Task<IReadOnlyDictionary<string, double>> LoadFloatsAsync(CancellationToken cancellationToken)
    {
        var floats = new Dictionary<string, double>(StringComparer.Ordinal);
        string? next = $"stocks/vX/float?limit={_options.BulkPageSize}";
        try
        {
            for (var page = 0; next is not null; page++)
            {
                if (page == MaxFloatPages)
                {
                    throw new HydrationException($"The float listing did not end after {MaxFloatPages} pages");
                }
                var listing = await rest.GetBulkAsync(next, MassiveJsonContext.Default.FloatListingPage, cancellationToken).ConfigureAwait(false);
                foreach (var row in listing?.Results ?? [])
                {
                    if (row is { Symbol.Length: > 0, FreeFloat: > 0 })
                    {
                        floats[row.Symbol] = row.FreeFloat.Value;
                    }
                    else
                    {
                        HydrationMetrics.BulkRowsSkipped.Add(1);
                    }
                }
                next = listing?.NextUrl is { Length: > 0 } url ? url : null;
            }
            return floats;
        }
        catch (HydrationException ex)
        {
            LogFloatsUnavailable(logger, ex);
            return new Dictionary<string, double>();
        }
    }

    /// <summary>
    /// The bars of a grouped daily response by symbol. Rows without a symbol or with a close that is not positive are
    /// skipped (counted in <see cref="HydrationMetrics.BulkRowsSkipped"/>).
    /// </summary>
    private static Dictionary<string, DailyBar> ToBars(GroupedDailyResponse? response)
    {
        var rows = response?.Results ?? [];
        var bars = new Dictionary<string, DailyBar>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row is { Symbol.Length: > 0 } && row.ToBar() is { } bar)
            {
                bars[row.Symbol] = bar;
            }
            else
            {
                HydrationMetrics.BulkRowsSkipped.Add(1);
            }
        }
        return bars;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference data of {Day:yyyy-MM-dd} loaded in bulk: {Symbols} symbols from {Sessions} sessions of grouped daily bars, {Floats} floats, in {Seconds:F1} s")]
    private static partial void LogLoaded(ILogger logger, DateOnly day, int symbols, int sessions, int floats, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The float listing failed; the bulk reference data has no floats today (0, as per ticker when the float is unknown)")]
    private static partial void LogFloatsUnavailable(ILogger logger, Exception exception);
}
