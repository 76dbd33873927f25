using Scanner.Feeds;

namespace Scanner.Gateway.Backend;

/// <summary>Receives feed updates from a backend; must return quickly and never throw.</summary>
public interface IFeedUpdateSink
{
    void OnFeedUpdates(FeedUpdate[] updates);
}
