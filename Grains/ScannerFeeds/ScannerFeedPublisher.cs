namespace Scanner.ScannerFeeds;

/// <summary>
/// The silo's one <see cref="IScannerFeedPublisher"/>: <see cref="Publish"/> only coalesces into a pending table;
/// <see cref="ScannerFeedPublishingService"/> flushes it to the gateways every few milliseconds and keeps
/// <see cref="Routes"/> current from the registry.
/// </summary>
public sealed class ScannerFeedPublisher : IScannerFeedPublisher
{
    private readonly PendingScannerFeedUpdates _pending = new();
    private readonly FanOutMetrics _metrics;
    private volatile ScannerFeedRoutes _routes = ScannerFeedRoutes.Empty;

    public ScannerFeedPublisher(FanOutMetrics metrics) => _metrics = metrics;

    internal ScannerFeedRoutes Routes
    {
        get => _routes;
        set => _routes = value;
    }

    public bool IsWanted(string feed) => _routes.IsWanted(feed);

    public void Publish(ScannerFeedUpdate update)
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
    internal void Flush(List<ScannerFeedUpdate> scratch, Action<IScannerFeedObserver, ScannerFeedUpdate[]> send)
    {
        _pending.Drain(scratch);
        if (scratch.Count > 0)
        {
            _routes.Route(scratch, send);
        }
    }
}
