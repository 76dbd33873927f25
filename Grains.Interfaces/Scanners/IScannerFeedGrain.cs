using Scanner.ScannerFeeds;

namespace Scanner.Scanners;

/// <summary>One list feed (key = feed name, see <see cref="ScannerFeedNames.Lists"/>): a ranking or an alert list.</summary>
public interface IScannerFeedGrain : IScannerFeedSourceGrain
{
    /// <summary>A shard's new top-k for this ranking feed.</summary>
    Task UpdateRanking(ShardRanking ranking);

    /// <summary>New alerts for this alert feed, oldest first.</summary>
    Task AddAlerts(ScannerAlert[] alerts);

    /// <summary>A shard's trading day ended (yyyymmdd of the new day): an alert feed of an older day starts empty.</summary>
    Task StartDay(int tradingDay);
}
