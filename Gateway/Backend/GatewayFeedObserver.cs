using Scanner.Feeds;

namespace Scanner.Gateway.Backend;

/// <summary>The gateway process's one grain observer: passes every batch straight to the fan-out.</summary>
internal sealed class GatewayFeedObserver(IFeedUpdateSink sink) : IFeedObserver
{
    public Task OnFeedUpdates(FeedUpdate[] updates)
    {
        sink.OnFeedUpdates(updates);
        return Task.CompletedTask;
    }
}
