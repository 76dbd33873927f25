using Scanner.Feeds;

namespace Scanner.Scanners;

/// <summary>Which alert list feed carries an alert.</summary>
public static class AlertFeeds
{
    public const int Size = 1000;

    public static IReadOnlyList<string> All { get; } =
        [FeedNames.HighOfDayAlerts, FeedNames.LowOfDayAlerts, FeedNames.Halts, FeedNames.Momentum];

    public static string FeedOf(AlertKind kind) => kind switch
    {
        AlertKind.NewHigh => FeedNames.HighOfDayAlerts,
        AlertKind.NewLow => FeedNames.LowOfDayAlerts,
        AlertKind.Halt or AlertKind.Resume => FeedNames.Halts,
        _ => FeedNames.Momentum,
    };
}
