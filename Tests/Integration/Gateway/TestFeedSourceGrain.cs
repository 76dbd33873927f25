using Scanner.Feeds;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>Stands in for a ticker or scanner grain: publishes through the silo's <see cref="IFeedPublisher"/>.</summary>
public interface ITestFeedSourceGrain : IGrainWithStringKey
{
    Task Publish(string feed, string json, long version);

    Task<bool> IsWanted(string feed);
}

public sealed class TestFeedSourceGrain(IFeedPublisher publisher) : Grain, ITestFeedSourceGrain
{
    public Task Publish(string feed, string json, long version)
    {
        publisher.Publish(new FeedUpdate(feed, System.Text.Encoding.UTF8.GetBytes(json), version, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        return Task.CompletedTask;
    }

    public Task<bool> IsWanted(string feed) => Task.FromResult(publisher.IsWanted(feed));
}
