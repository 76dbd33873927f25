using System.Collections.Concurrent;
using Scanner.ScannerFeeds;

namespace Scanner.Tests.Integration.Grains;

/// <summary>A feed publisher that wants every feed (unless a test says otherwise) and records what grains published.</summary>
internal sealed class RecordingFeedPublisher : IScannerFeedPublisher
{
    public ConcurrentQueue<ScannerFeedUpdate> Published { get; } = new();

    /// <summary>Which feeds some gateway wants; every feed by default.</summary>
    public Func<string, bool> Wanted { get; set; } = _ => true;

    public bool IsWanted(string feed) => Wanted(feed);

    public void Publish(ScannerFeedUpdate update) => Published.Enqueue(update);

    public IEnumerable<ScannerFeedUpdate> Of(string feed) => Published.Where(u => u.Feed == feed);
}
