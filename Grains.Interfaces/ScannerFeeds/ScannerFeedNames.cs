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

    /// <summary>Every list feed (rankings and alert lists), each owned by one <c>IScannerFeedGrain</c>.</summary>
    public static IReadOnlyList<string> Lists { get; } =
        [TopGainers, TopGappers, TopVolume, TopLosers, TopRelativeVolume, Halts, Momentum, HighOfDayAlerts, LowOfDayAlerts];

    private static readonly FrozenSet<string> ListSet = Lists.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for a list feed; list feeds go to every gateway, per-symbol feeds only where wanted.</summary>
    public static bool IsList(string feed) => ListSet.Contains(feed);

    public static string Quote(string symbol) => QuotePrefix + symbol;

    public static string DailyRange(string symbol) => DailyRangePrefix + symbol;

    /// <summary>The symbol of a per-symbol feed (<c>quote:AAPL</c> gives AAPL), or null for any other feed.</summary>
    public static string? SymbolOf(string feed) =>
        feed.StartsWith(QuotePrefix, StringComparison.Ordinal) ? NonEmpty(feed[QuotePrefix.Length..])
        : feed.StartsWith(DailyRangePrefix, StringComparison.Ordinal) ? NonEmpty(feed[DailyRangePrefix.Length..])
        : null;

    private static string? NonEmpty(string s) => s.Length == 0 ? null : s;
}
