namespace Scanner.ScannerFeeds;

/// <summary>
/// The silo-local way out for feed updates: a grain hands its newest feed value here and returns at once; the
/// publisher coalesces to the latest value per feed and delivers batches to every registered gateway.
/// Registered as a singleton in each silo.
/// </summary>
public interface IScannerFeedPublisher
{
    /// <summary>True when some gateway currently wants <paramref name="feed"/>, so a grain can skip building it.</summary>
    bool IsWanted(string feed);

    /// <summary>Queues <paramref name="update"/> for delivery; never blocks and never throws.</summary>
    void Publish(ScannerFeedUpdate update);
}
