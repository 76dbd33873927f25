using Scanner.ScannerFeeds;

namespace Scanner.Scanners;

/// <summary>
/// A ranking feed: which rows it lists and in what order. Ties break by symbol (ordinal), so every merge of the
/// same rows gives the same order. A row is listed only when its ranking figure is meaningful:
/// top_volume needs volume, top_gainers an official open, top_gappers and top_losers a previous close,
/// top_relative_volume an average volume. top_losers ranks by pct_change (vs the previous close) ascending: the
/// day's biggest decliners, the mirror of top_gappers.
/// </summary>
public sealed class RankingScanner : IComparer<ScannerRow>
{
    public const int Size = 500;

    private readonly Func<ScannerRow, double> _key;
    private readonly Func<ScannerRow, bool> _eligible;
    private readonly bool _ascending;

    private RankingScanner(string feed, Func<ScannerRow, double> key, Func<ScannerRow, bool> eligible, bool ascending)
    {
        Feed = feed;
        _key = key;
        _eligible = eligible;
        _ascending = ascending;
    }

    public string Feed { get; }

    public static RankingScanner TopVolume { get; } =
        new(ScannerFeedNames.TopVolume, r => r.AccumulatedVolume, r => r.AccumulatedVolume > 0, false);

    public static RankingScanner TopGainers { get; } =
        new(ScannerFeedNames.TopGainers, r => r.PctChangeSinceOpen, r => r.OfficialOpenPrice > 0, false);

    public static RankingScanner TopGappers { get; } =
        new(ScannerFeedNames.TopGappers, r => r.PctChange, r => r.PrevDayClose > 0, false);

    public static RankingScanner TopLosers { get; } =
        new(ScannerFeedNames.TopLosers, r => r.PctChange, r => r.PrevDayClose > 0, true);

    public static RankingScanner TopRelativeVolume { get; } =
        new(ScannerFeedNames.TopRelativeVolume, r => r.RelativeVolume, r => r.AvgVolume > 0, false);

    public static IReadOnlyList<RankingScanner> All { get; } =
        [TopVolume, TopGainers, TopGappers, TopLosers, TopRelativeVolume];

    /// <summary>The ranking scanner publishing <paramref name="feed"/>, or null for any other feed.</summary>
    public static RankingScanner? Find(string feed)
    {
        foreach (var scanner in All)
        {
            if (string.Equals(scanner.Feed, feed, StringComparison.Ordinal))
            {
                return scanner;
            }
        }
        return null;
    }

    public bool IsEligible(ScannerRow row) => row.Close > 0 && _eligible(row);

    /// <summary>Negative when <paramref name="x"/> ranks before <paramref name="y"/>.</summary>
    public int Compare(ScannerRow? x, ScannerRow? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }
        var byKey = _key(y).CompareTo(_key(x));
        if (byKey != 0)
        {
            return _ascending ? -byKey : byKey;
        }
        return string.CompareOrdinal(x.Symbol, y.Symbol);
    }
}
