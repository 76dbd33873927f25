using System.Collections.Concurrent;
using Scanner.Feeds;

namespace Scanner.Tests.Integration.Grains;

/// <summary>A feed publisher that wants every feed and records what grains published.</summary>
internal sealed class RecordingFeedPublisher : IFeedPublisher
{
    public ConcurrentQueue<FeedUpdate> Published { get; } = new();

    public bool IsWanted(string feed) => true;

    public void Publish(FeedUpdate update) => Published.Enqueue(update);

    public IEnumerable<FeedUpdate> Of(string feed) => Published.Where(u => u.Feed == feed);
}
