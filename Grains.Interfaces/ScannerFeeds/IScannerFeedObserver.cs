using Orleans.Concurrency;

namespace Scanner.ScannerFeeds;

/// <summary>
/// One per gateway process (not per browser): receives batches of feed updates, coalesced to the latest
/// value per feed. Best-effort like every grain observer; gateways re-register it periodically.
/// </summary>
public interface IScannerFeedObserver : IGrainObserver
{
    [OneWay]
    Task OnFeedUpdates(ScannerFeedUpdate[] updates);
}
