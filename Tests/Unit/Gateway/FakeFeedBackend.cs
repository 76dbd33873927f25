using System.Collections.Concurrent;
using Scanner.Feeds;
using Scanner.Gateway.Backend;

namespace Scanner.Tests.Unit.Gateway;

/// <summary>A backend whose current values the test sets; records fetches and interest.</summary>
internal sealed class FakeFeedBackend : IFeedBackend
{
    public ConcurrentDictionary<string, FeedUpdate> Current { get; } = new();
    public ConcurrentQueue<string> Fetches { get; } = new();
    public string[] Interest { get; private set; } = [];
    public IFeedUpdateSink? Sink { get; private set; }
    public bool IsConnected => true;

    public Task StartAsync(IFeedUpdateSink sink, CancellationToken cancellation)
    {
        Sink = sink;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;

    public Task<FeedUpdate?> GetFeedAsync(string feed, CancellationToken cancellation)
    {
        Fetches.Enqueue(feed);
        return Task.FromResult(Current.TryGetValue(feed, out var update) ? update : null);
    }

    public void SetInterest(string[] patterns) => Interest = patterns;
}
