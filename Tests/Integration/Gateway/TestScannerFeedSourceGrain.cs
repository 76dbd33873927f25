using Scanner.ScannerFeeds;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>Stands in for a ticker or scanner grain: publishes through the silo's <see cref="IScannerFeedPublisher"/>.</summary>
public interface ITestFeedSourceGrain : IGrainWithStringKey
{
    Task Publish(string feed, string json, long version);

    Task<bool> IsWanted(string feed);
}

public sealed class TestScannerFeedSourceGrain(IScannerFeedPublisher publisher) : Grain, ITestFeedSourceGrain
{
    public Task Publish(string feed, string json, long version)
    {
        publisher.Publish(new ScannerFeedUpdate(feed, System.Text.Encoding.UTF8.GetBytes(json), version, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        return Task.CompletedTask;
    }

    public Task<bool> IsWanted(string feed) => Task.FromResult(publisher.IsWanted(feed));
}
