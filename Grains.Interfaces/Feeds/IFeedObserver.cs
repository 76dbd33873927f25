using Orleans.Concurrency;

namespace Scanner.Feeds;

/// <summary>
/// One per gateway process (not per browser): receives batches of feed updates, coalesced to the latest
/// value per feed. Best-effort like every grain observer; gateways re-register it periodically.
/// </summary>
public interface IFeedObserver : IGrainObserver
{
    [OneWay]
    Task OnFeedUpdates(FeedUpdate[] updates);
}
