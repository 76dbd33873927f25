using System.Collections.Frozen;

namespace Scanner.ScannerFeeds;

/// <summary>The names of the published feeds (docs/contracts/scanners.md); clients get and subscribe by these.</summary>
public static class ScannerFeedNames
{
    public const string TopGainers = "scanners:top_gainers";
    public const string TopGappers = "scanners:top_gappers";
    public const string TopVolume = "scanners:top_volume";
    public const string TopLosers = "scanners:top_losers";
    public const string TopRelativeVolume = "scanners:top_relative_volume";
    public const string Halts = "scanners:halts";
    public const string Momentum = "scanners:momentum";
    public const string HighOfDayAlerts = "daily_range_hod_alert";
    public const string LowOfDayAlerts = "daily_range_lod_alert";

    public const string QuotePrefix = "quote:";
    public const string DailyRangePrefix = "daily_range:";
    public const string ChartPrefix = "chart:";
    public const string TradesPrefix = "trades:";

    /// <summary>Every list feed (rankings and alert lists), each owned by one <c>IScannerFeedGrain</c>.</summary>
    public static IReadOnlyList<string> Lists { get; } =
        [TopGainers, TopGappers, TopVolume, TopLosers, TopRelativeVolume, Halts, Momentum, HighOfDayAlerts, LowOfDayAlerts];

    private static readonly FrozenSet<string> ListSet = Lists.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for a list feed; list feeds go to every gateway, per-symbol feeds only where wanted.</summary>
    public static bool IsList(string feed) => ListSet.Contains(feed);

    public static string Quote(string symbol) => QuotePrefix + symbol;

    public static string DailyRange(string symbol) => DailyRangePrefix + symbol;

    /// <summary>The day's one-minute candles of <paramref name="symbol"/> (the trader's chart).</summary>
    public static string Chart(string symbol) => ChartPrefix + symbol;

    /// <summary>The last trades of <paramref name="symbol"/> (time and sales).</summary>
    public static string Trades(string symbol) => TradesPrefix + symbol;

    /// <summary>
    /// Per-symbol families no wildcard may cover: each of their feeds is large or fast, so <c>chart:*</c> would make
    /// every ticker grain serialise its whole day every second for one browser.
    /// </summary>
    public static IReadOnlyList<string> ExactOnlyPrefixes { get; } = [ChartPrefix, TradesPrefix];

    private static readonly string[] SymbolPrefixes = [QuotePrefix, DailyRangePrefix, ChartPrefix, TradesPrefix];

    /// <summary>The symbol of a per-symbol feed (<c>quote:AAPL</c> gives AAPL), or null for any other feed.</summary>
    public static string? SymbolOf(string feed)
    {
        foreach (var prefix in SymbolPrefixes)
        {
            if (feed.StartsWith(prefix, StringComparison.Ordinal))
            {
                return feed.Length == prefix.Length ? null : feed[prefix.Length..];
            }
        }
        return null;
    }
}
