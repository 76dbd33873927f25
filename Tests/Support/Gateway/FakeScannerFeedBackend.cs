using System.Collections.Concurrent;
using System.Text;
using Scanner.ScannerFeeds;
using Scanner.Gateway.Backend;

namespace Scanner.Tests.Support.Gateway;

/// <summary>
/// A gateway backend the test drives in place of the Orleans cluster: it holds current values, pushes updates as a
/// silo's flush would, keeps each user's layouts in memory (as the per-user grain would, minus Redis), and records
/// the gateway's fetches and interest.
/// </summary>
public sealed class FakeScannerFeedBackend(TimeProvider? time = null) : IScannerFeedBackend
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private volatile IScannerFeedUpdateSink? _sink;
    private long _version;

    public ConcurrentDictionary<string, ScannerFeedUpdate> Current { get; } = new();

    /// <summary>Every feed the gateway fetched, in order.</summary>
    public ConcurrentQueue<string> Fetches { get; } = new();

    /// <summary>The saved layouts per user (UTF-8 JSON as the gateway stored it).</summary>
    public ConcurrentDictionary<string, byte[]> Layouts { get; } = new(StringComparer.Ordinal);

    /// <summary>Each user's session generation (absent = 0), moved on by a sign-out.</summary>
    public ConcurrentDictionary<string, int> SessionGenerations { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, layout reads and saves fail as an unreachable cluster's would.</summary>
    public bool LayoutsUnavailable { get; set; }

    /// <summary>When set, reading a session generation fails as an unreachable cluster's would.</summary>
    public bool SessionsUnavailable { get; set; }

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

    public Task<byte[]?> GetLayoutsAsync(string user, CancellationToken cancellation) =>
        LayoutsUnavailable ? Task.FromException<byte[]?>(Unavailable())
        : Task.FromResult(Layouts.TryGetValue(user, out var layouts) ? layouts : null);

    public Task SaveLayoutsAsync(string user, byte[] layouts, CancellationToken cancellation)
    {
        if (LayoutsUnavailable)
        {
            return Task.FromException(Unavailable());
        }
        Layouts[user] = layouts;
        return Task.CompletedTask;
    }

    public Task<int> GetSessionGenerationAsync(string user, CancellationToken cancellation) =>
        SessionsUnavailable ? Task.FromException<int>(Unavailable()) : Task.FromResult(SessionGenerations.GetValueOrDefault(user));

    public Task SignOutAsync(string user, CancellationToken cancellation)
    {
        SessionGenerations.AddOrUpdate(user, 1, (_, generation) => generation + 1);
        return Task.CompletedTask;
    }

    private static TimeoutException Unavailable() => new("the fake backend's cluster is switched off");

    /// <summary>Makes <paramref name="updates"/> current and pushes them, like a silo's flush.</summary>
    public void Push(params ScannerFeedUpdate[] updates)
    {
        foreach (var update in updates)
        {
            Current[update.Feed] = update;
        }
        (_sink ?? throw new InvalidOperationException("no gateway started with this backend")).OnFeedUpdates(updates);
    }

    /// <summary>
    /// Publishes <paramref name="json"/> as the new value of <paramref name="feed"/> (for example a <c>chart:{SYM}</c> or
    /// <c>trades:{SYM}</c> value, docs/contracts/client-protocol.md) with a version above any this backend gave
    /// before, as its grain would (versions start from the clock, so they also pass values set directly in <see cref="Current"/>).
    /// </summary>
    public ScannerFeedUpdate Publish(string feed, string json)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        Interlocked.CompareExchange(ref _version, now * 1000, 0);
        var update = new ScannerFeedUpdate(feed, Encoding.UTF8.GetBytes(json), Interlocked.Increment(ref _version), now);
        Push(update);
        return update;
    }
}
