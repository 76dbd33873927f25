using System.Collections.Concurrent;
using Scanner.Feeds;
using Scanner.Gateway.Backend;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>A backend the test drives: it sets current values and pushes updates as a silo would.</summary>
internal sealed class FakeFeedBackend : IFeedBackend
{
    private IFeedUpdateSink? _sink;

    public ConcurrentDictionary<string, FeedUpdate> Current { get; } = new();

    public string[] Interest { get; private set; } = [];

    public bool IsConnected => _sink is not null;

    public Task StartAsync(IFeedUpdateSink sink, CancellationToken cancellation)
    {
        _sink = sink;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;

    public Task<FeedUpdate?> GetFeedAsync(string feed, CancellationToken cancellation) =>
        Task.FromResult(Current.TryGetValue(feed, out var update) ? update : null);

    public void SetInterest(string[] patterns) => Interest = patterns;

    /// <summary>Makes <paramref name="update"/> current and pushes it, like a silo's flush.</summary>
    public void Push(params FeedUpdate[] updates)
    {
        foreach (var update in updates)
        {
            Current[update.Feed] = update;
        }
        _sink!.OnFeedUpdates(updates);
    }
}
