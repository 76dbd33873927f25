using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Scanner.ScannerFeeds;
using Scanner.Gateway.Backend;
using Scanner.Gateway.Health;
using Scanner.Gateway.Hosting;

namespace Scanner.Gateway.FanOut;

/// <summary>
/// The gateway's fan-out: keeps the latest value per feed, hands each update to its subscribers' queues without
/// awaiting anything, and keeps the backend's interest equal to the union of its clients' subscriptions.
/// Because a silo learns new interest with a delay, a new per-symbol subscription fetches the current value at once
/// and again after <see cref="GatewayOptions.InterestPropagationDelay"/> unless a newer version arrived meanwhile:
/// feeds are snapshots, so that is enough to converge.
/// </summary>
internal sealed partial class ScannerFeedHub(
    IScannerFeedBackend backend,
    GatewayMetrics metrics,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<ScannerFeedHub> logger) : IScannerFeedUpdateSink
{
    private readonly ConcurrentDictionary<string, ScannerFeedMessage> _cache = new(StringComparer.Ordinal);
    private readonly SubscriptionIndex _index = new();
    private readonly CancellationTokenSource _stopping = new();

    public int Subscriptions => _index.Count;

    public int CachedFeeds => _cache.Count;

    public void OnFeedUpdates(ScannerFeedUpdate[] updates)
    {
        foreach (var update in updates)
        {
            Dispatch(update);
        }
    }

    /// <summary>Subscribes and hands the subscriber the current value(s) first; fetches what the cache cannot answer.</summary>
    public void Subscribe(IScannerFeedSubscriber subscriber, string pattern)
    {
        var first = _index.Add(subscriber, pattern);
        var perSymbol = ScannerFeedPatterns.IsWildcard(pattern) || !ScannerFeedNames.IsList(pattern);
        if (first && perSymbol)
        {
            backend.SetInterest(_index.Patterns());
        }
        if (ScannerFeedPatterns.IsWildcard(pattern))
        {
            foreach (var (feed, message) in _cache)
            {
                if (ScannerFeedPatterns.Matches(pattern, feed))
                {
                    subscriber.Deliver(message);
                }
            }
            foreach (var list in ScannerFeedNames.Lists)
            {
                if (ScannerFeedPatterns.Matches(pattern, list) && !_cache.ContainsKey(list))
                {
                    _ = FetchAsync(list, refetch: false);
                }
            }
            if (first)
            {
                _ = FetchMatchingAsync(pattern);
            }
            return;
        }
        var cached = _cache.TryGetValue(pattern, out var current);
        if (cached)
        {
            subscriber.Deliver(current!);
        }
        if ((first && perSymbol) || !cached)
        {
            _ = FetchAsync(pattern, refetch: perSymbol);
        }
    }

    public void Unsubscribe(IScannerFeedSubscriber subscriber, string pattern)
    {
        if (!_index.Remove(subscriber, pattern))
        {
            return;
        }
        var perSymbol = ScannerFeedPatterns.IsWildcard(pattern) || !ScannerFeedNames.IsList(pattern);
        if (!perSymbol)
        {
            return;
        }
        backend.SetInterest(_index.Patterns());
        // Nobody receives these feeds any more, so they would go stale in the cache.
        foreach (var feed in _cache.Keys)
        {
            if (!ScannerFeedNames.IsList(feed) && ScannerFeedPatterns.Matches(pattern, feed) && !_index.HasSubscribers(feed))
            {
                _cache.TryRemove(feed, out _);
            }
        }
    }

    /// <summary>The current value of <paramref name="feed"/>: the cache when it is live, else the feed's owner.</summary>
    public async Task<ScannerFeedUpdate?> GetAsync(string feed, CancellationToken cancellation)
    {
        if (_cache.TryGetValue(feed, out var cached))
        {
            return cached.Update;
        }
        var update = await backend.GetFeedAsync(feed, cancellation).ConfigureAwait(false);
        if (update is not null)
        {
            Dispatch(update);
        }
        return update;
    }

    public void Stop() => _stopping.Cancel();

    /// <summary>Caches <paramref name="update"/> if it is newer and hands it to the feed's subscribers.</summary>
    private void Dispatch(ScannerFeedUpdate update)
    {
        // A per-symbol feed nobody here subscribes to would only go stale in the cache.
        if (!ScannerFeedNames.IsList(update.Feed) && !_index.HasSubscribers(update.Feed))
        {
            return;
        }
        var message = new ScannerFeedMessage(update);
        while (true)
        {
            if (_cache.TryGetValue(update.Feed, out var cached))
            {
                if (cached.Version >= update.Version)
                {
                    return;
                }
                if (_cache.TryUpdate(update.Feed, message, cached))
                {
                    break;
                }
            }
            else if (_cache.TryAdd(update.Feed, message))
            {
                break;
            }
        }
        metrics.FeedUpdateReceived();
        _index.Deliver(message);
    }

    private async Task FetchAsync(string feed, bool refetch)
    {
        var cancellation = _stopping.Token;
        try
        {
            await FetchOnceAsync(feed, cancellation).ConfigureAwait(false);
            if (!refetch)
            {
                return;
            }
            var seen = _cache.TryGetValue(feed, out var before) ? before.Version : long.MinValue;
            await Task.Delay(options.Value.InterestPropagationDelay, time, cancellation).ConfigureAwait(false);
            var now = _cache.TryGetValue(feed, out var after) ? after.Version : long.MinValue;
            if (now == seen && _index.HasSubscribers(feed))
            {
                await FetchOnceAsync(feed, cancellation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// The per-symbol values a new wildcard matches that this gateway does not hold: on a quiet market no owner
    /// publishes, so they would never come otherwise.
    /// </summary>
    private async Task FetchMatchingAsync(string wildcard)
    {
        var cancellation = _stopping.Token;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(options.Value.GetTimeout);
            foreach (var update in await backend.GetMatchingAsync(wildcard, timeout.Token).ConfigureAwait(false))
            {
                Dispatch(update);
            }
        }
        catch (Exception error) when (!cancellation.IsCancellationRequested)
        {
            metrics.BackendFailure();
            LogFetchFailed(logger, wildcard, error);
        }
    }

    private async Task FetchOnceAsync(string feed, CancellationToken cancellation)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(options.Value.GetTimeout);
            if (await backend.GetFeedAsync(feed, timeout.Token).ConfigureAwait(false) is { } update)
            {
                Dispatch(update);
            }
        }
        catch (Exception error) when (!cancellation.IsCancellationRequested)
        {
            metrics.BackendFailure();
            LogFetchFailed(logger, feed, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch the current value of {Feed}")]
    private static partial void LogFetchFailed(ILogger logger, string feed, Exception error);
}
