namespace Scanner.Feeds;

/// <summary>
/// The silo's one <see cref="IFeedPublisher"/>: <see cref="Publish"/> only coalesces into a pending table;
/// <see cref="FeedPublishingService"/> flushes it to the gateways every few milliseconds and keeps
/// <see cref="Routes"/> current from the registry.
/// </summary>
public sealed class FeedPublisher : IFeedPublisher
{
    private readonly PendingFeedUpdates _pending = new();
    private readonly FanOutMetrics _metrics;
    private volatile FeedRoutes _routes = FeedRoutes.Empty;

    public FeedPublisher(FanOutMetrics metrics) => _metrics = metrics;

    internal FeedRoutes Routes
    {
        get => _routes;
        set => _routes = value;
    }

    public bool IsWanted(string feed) => _routes.IsWanted(feed);

    public void Publish(FeedUpdate update)
    {
        if (update?.Feed is null || update.Payload is null)
        {
            return;
        }
        _metrics.Published();
        if (_pending.Add(update))
        {
            _metrics.Coalesced();
        }
    }

    /// <summary>Drains the pending updates into <paramref name="scratch"/> and hands each gateway its share.</summary>
    internal void Flush(List<FeedUpdate> scratch, Action<IFeedObserver, FeedUpdate[]> send)
    {
        _pending.Drain(scratch);
        if (scratch.Count > 0)
        {
            _routes.Route(scratch, send);
        }
    }
}
