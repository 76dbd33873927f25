using System.Collections.Concurrent;
using Scanner.ScannerFeeds;

namespace Scanner.Tests.Integration.Grains;

/// <summary>A feed publisher that wants every feed and records what grains published.</summary>
internal sealed class RecordingFeedPublisher : IScannerFeedPublisher
{
    public ConcurrentQueue<ScannerFeedUpdate> Published { get; } = new();

    public bool IsWanted(string feed) => true;

    public void Publish(ScannerFeedUpdate update) => Published.Enqueue(update);

    public IEnumerable<ScannerFeedUpdate> Of(string feed) => Published.Where(u => u.Feed == feed);
}
