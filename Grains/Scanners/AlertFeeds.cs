using Scanner.ScannerFeeds;

namespace Scanner.Scanners;

/// <summary>Which alert list feed carries an alert.</summary>
public static class AlertFeeds
{
    public const int Size = 1000;

    public static IReadOnlyList<string> All { get; } =
        [ScannerFeedNames.HighOfDayAlerts, ScannerFeedNames.LowOfDayAlerts, ScannerFeedNames.Halts, ScannerFeedNames.Momentum];

    public static string FeedOf(AlertKind kind) => kind switch
    {
        AlertKind.NewHigh => ScannerFeedNames.HighOfDayAlerts,
        AlertKind.NewLow => ScannerFeedNames.LowOfDayAlerts,
        AlertKind.Halt or AlertKind.Resume => ScannerFeedNames.Halts,
        _ => ScannerFeedNames.Momentum,
    };
}
