using System.Collections.Concurrent;
using Scanner.ScannerFeeds;

namespace Scanner.Gateway.FanOut;

/// <summary>
/// Who is subscribed to what: exact feeds in a dictionary, wildcards (a handful of families) in a small array.
/// Subscriber lists are immutable arrays replaced under a lock, so delivery reads them without locking.
/// </summary>
internal sealed class SubscriptionIndex
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, IScannerFeedSubscriber[]> _exact = new(StringComparer.Ordinal);
    private volatile Wildcard[] _wildcards = [];
    private int _count;

    /// <summary>The number of (subscriber, pattern) pairs.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds a subscription; true when it is the first for <paramref name="pattern"/>.</summary>
    public bool Add(IScannerFeedSubscriber subscriber, string pattern)
    {
        lock (_gate)
        {
            var current = Subscribers(pattern);
            if (Array.IndexOf(current, subscriber) >= 0)
            {
                return false;
            }
            Replace(pattern, [.. current, subscriber]);
            _count++;
            return current.Length == 0;
        }
    }

    /// <summary>Removes a subscription; true when it was the last for <paramref name="pattern"/>.</summary>
    public bool Remove(IScannerFeedSubscriber subscriber, string pattern)
    {
        lock (_gate)
        {
            var current = Subscribers(pattern);
            if (Array.IndexOf(current, subscriber) < 0)
            {
                return false;
            }
            Replace(pattern, [.. current.Where(s => !ReferenceEquals(s, subscriber))]);
            _count--;
            return current.Length == 1;
        }
    }

    /// <summary>True when some pattern (exact or wildcard) covers <paramref name="feed"/>.</summary>
    public bool HasSubscribers(string feed)
    {
        if (_exact.ContainsKey(feed))
        {
            return true;
        }
        foreach (var wildcard in _wildcards)
        {
            if (Covers(wildcard.Prefix, feed))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Hands <paramref name="message"/> to every subscriber of its feed (a client on both an exact name and a
    /// wildcard gets it twice; its queue drops the second as stale).</summary>
    public void Deliver(ScannerFeedMessage message)
    {
        if (_exact.TryGetValue(message.Feed, out var exact))
        {
            foreach (var subscriber in exact)
            {
                subscriber.Deliver(message);
            }
        }
        foreach (var wildcard in _wildcards)
        {
            if (Covers(wildcard.Prefix, message.Feed))
            {
                foreach (var subscriber in wildcard.Subscribers)
                {
                    subscriber.Deliver(message);
                }
            }
        }
    }

    /// <summary>Every subscribed pattern, sorted (the union the gateway registers as its interest).</summary>
    public string[] Patterns()
    {
        lock (_gate)
        {
            return [.. _exact.Keys.Concat(_wildcards.Select(w => w.Pattern)).Order(StringComparer.Ordinal)];
        }
    }

    private static bool Covers(string prefix, string feed) =>
        feed.Length > prefix.Length && feed.StartsWith(prefix, StringComparison.Ordinal);

    private IScannerFeedSubscriber[] Subscribers(string pattern)
    {
        if (!ScannerFeedPatterns.IsWildcard(pattern))
        {
            return _exact.TryGetValue(pattern, out var exact) ? exact : [];
        }
        foreach (var wildcard in _wildcards)
        {
            if (wildcard.Pattern == pattern)
            {
                return wildcard.Subscribers;
            }
        }
        return [];
    }

    private void Replace(string pattern, IScannerFeedSubscriber[] subscribers)
    {
        if (!ScannerFeedPatterns.IsWildcard(pattern))
        {
            if (subscribers.Length == 0)
            {
                _exact.TryRemove(pattern, out _);
            }
            else
            {
                _exact[pattern] = subscribers;
            }
            return;
        }
        var others = _wildcards.Where(w => w.Pattern != pattern);
        _wildcards = subscribers.Length == 0
            ? [.. others]
            : [.. others, new Wildcard(pattern, ScannerFeedPatterns.PrefixOf(pattern), subscribers)];
    }

    private sealed record Wildcard(string Pattern, string Prefix, IScannerFeedSubscriber[] Subscribers);
}
