using Scanner.ScannerFeeds;

namespace Scanner.Gateway.Backend;

/// <summary>Receives feed updates from a backend; must return quickly and never throw.</summary>
public interface IScannerFeedUpdateSink
{
    void OnFeedUpdates(ScannerFeedUpdate[] updates);
}
