using Scanner.ScannerFeeds;

namespace Scanner.Gateway.Backend;

/// <summary>The gateway process's one grain observer: passes every batch straight to the fan-out.</summary>
internal sealed class GatewayScannerFeedObserver(IScannerFeedUpdateSink sink) : IScannerFeedObserver
{
    public Task OnFeedUpdates(ScannerFeedUpdate[] updates)
    {
        sink.OnFeedUpdates(updates);
        return Task.CompletedTask;
    }
}
