using System.Collections.Concurrent;
using Scanner.ScannerFeeds;
using Scanner.Gateway.Backend;

namespace Scanner.Tests.Support.Gateway;

/// <summary>
/// A gateway backend the test drives in place of the Orleans cluster: it holds current values, pushes updates as a
/// silo's flush would, and records the gateway's fetches and interest.
/// </summary>
public sealed class FakeScannerFeedBackend : IScannerFeedBackend
{
    private volatile IScannerFeedUpdateSink? _sink;

    public ConcurrentDictionary<string, ScannerFeedUpdate> Current { get; } = new();

    /// <summary>Every feed the gateway fetched, in order.</summary>
    public ConcurrentQueue<string> Fetches { get; } = new();

    public string[] Interest { get; private set; } = [];

    public bool IsConnected => _sink is not null;

    /// <summary>Takes the sink of the gateway that starts last (a restarted gateway replaces the old one).</summary>
    public Task StartAsync(IScannerFeedUpdateSink sink, CancellationToken cancellation)
    {
        _sink = sink;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;

    public Task<ScannerFeedUpdate?> GetFeedAsync(string feed, CancellationToken cancellation)
    {
        Fetches.Enqueue(feed);
        return Task.FromResult(Current.TryGetValue(feed, out var update) ? update : null);
    }

    public Task<ScannerFeedUpdate[]> GetMatchingAsync(string wildcard, CancellationToken cancellation) =>
        Task.FromResult(Current.Values.Where(u => !ScannerFeedNames.IsList(u.Feed) && ScannerFeedPatterns.Matches(wildcard, u.Feed)).ToArray());

    public void SetInterest(string[] patterns) => Interest = patterns;

    /// <summary>Makes <paramref name="updates"/> current and pushes them, like a silo's flush.</summary>
    public void Push(params ScannerFeedUpdate[] updates)
    {
        foreach (var update in updates)
        {
            Current[update.Feed] = update;
        }
        (_sink ?? throw new InvalidOperationException("no gateway started with this backend")).OnFeedUpdates(updates);
    }
}
