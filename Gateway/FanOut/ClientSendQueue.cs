using System.Net.WebSockets;

namespace Scanner.Gateway.FanOut;

/// <summary>
/// One client's outbound messages. Replies are kept in order (bounded); feed updates are coalesced to the newest
/// unsent value per feed, so a slow client loses only its own stale updates and memory stays bounded by the number of
/// feeds. Versions never go backwards per feed. Producers never block; one writer task drains it.
/// </summary>
internal sealed class ClientSendQueue(int feedCapacity, int replyCapacity, bool raw)
{
    private readonly Lock _gate = new();
    private readonly Queue<byte[]> _replies = new();
    private readonly Queue<string> _feedOrder = new();
    private readonly Dictionary<string, ScannerFeedMessage> _pendingFeeds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _newestVersions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0, 1);
    private bool _signaled;
    private bool _completed;
    private (WebSocketCloseStatus Status, string Description)? _close;

    /// <summary>Updates replaced before they could be sent.</summary>
    public long Dropped { get; private set; }

    public EnqueueResult EnqueueFeed(ScannerFeedMessage message)
    {
        lock (_gate)
        {
            if (_completed || _close is not null)
            {
                return EnqueueResult.Closed;
            }
            if (_newestVersions.TryGetValue(message.Feed, out var newest) && newest >= message.Version)
            {
                return EnqueueResult.Stale;
            }
            if (_pendingFeeds.ContainsKey(message.Feed))
            {
                _pendingFeeds[message.Feed] = message;
                _newestVersions[message.Feed] = message.Version;
                Dropped++;
                return EnqueueResult.Replaced;
            }
            if (_pendingFeeds.Count >= feedCapacity)
            {
                return EnqueueResult.Overflow;
            }
            _pendingFeeds[message.Feed] = message;
            _newestVersions[message.Feed] = message.Version;
            _feedOrder.Enqueue(message.Feed);
            Signal();
            return EnqueueResult.Queued;
        }
    }

    /// <summary>Queues a reply; false when the reply queue is full (the client stopped reading).</summary>
    public bool EnqueueReply(byte[] reply)
    {
        lock (_gate)
        {
            if (_completed || _close is not null)
            {
                return true;
            }
            if (_replies.Count >= replyCapacity)
            {
                return false;
            }
            _replies.Enqueue(reply);
            Signal();
            return true;
        }
    }

    /// <summary>Forgets a feed's unsent value and newest version, so a later subscription starts afresh.</summary>
    public void Forget(string feed)
    {
        lock (_gate)
        {
            _pendingFeeds.Remove(feed);
            _newestVersions.Remove(feed);
        }
    }

    /// <summary>Sends what is queued, then a close frame; nothing is accepted after this.</summary>
    public void RequestClose(WebSocketCloseStatus status, string description)
    {
        lock (_gate)
        {
            _close ??= (status, description);
            Signal();
        }
    }

    /// <summary>Stops the writer at once, dropping whatever is queued.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Signal();
        }
    }

    /// <summary>The next message to send: replies first, then feeds in the order they first became pending.</summary>
    public bool TryDequeue(out ReadOnlyMemory<byte> message)
    {
        lock (_gate)
        {
            if (!_completed)
            {
                if (_replies.TryDequeue(out var reply))
                {
                    message = reply;
                    return true;
                }
                while (_feedOrder.TryDequeue(out var feed))
                {
                    // A feed forgotten after it was queued leaves its name behind: skip it.
                    if (_pendingFeeds.Remove(feed, out var pending))
                    {
                        message = raw ? pending.Raw : pending.Envelope;
                        return true;
                    }
                }
            }
            message = default;
            return false;
        }
    }

    /// <summary>The close requested with <see cref="RequestClose"/>, once everything before it was taken.</summary>
    public bool TryTakeClose(out WebSocketCloseStatus status, out string description)
    {
        lock (_gate)
        {
            var drained = _replies.Count == 0 && _pendingFeeds.Count == 0;
            (status, description) = _close is { } close && drained ? close : (default, "");
            return _close is not null && drained;
        }
    }

    /// <summary>Waits until there may be something to send; false once the queue is completed.</summary>
    public async ValueTask<bool> WaitAsync(CancellationToken cancellation)
    {
        await _signal.WaitAsync(cancellation).ConfigureAwait(false);
        lock (_gate)
        {
            _signaled = false;
            return !_completed;
        }
    }

    private void Signal()
    {
        if (!_signaled)
        {
            _signaled = true;
            _signal.Release();
        }
    }
}
