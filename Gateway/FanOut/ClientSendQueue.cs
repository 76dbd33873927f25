using System.Net.WebSockets;
using Scanner.Gateway.Hosting;

namespace Scanner.Gateway.FanOut;

/// <summary>
/// One client's outbound messages. Replies are kept in order; feed updates are coalesced to the newest unsent value
/// per feed, so a slow client loses only its own stale updates. Versions never go backwards per feed. Bounded by
/// count (<see cref="GatewayOptions.SendQueueFeeds"/>, <see cref="GatewayOptions.SendQueueReplies"/>) and by the bytes
/// waiting (<see cref="GatewayOptions.SendQueueBytes"/>; a single message larger than that still goes to a client with
/// nothing else waiting). Producers never block; one writer task drains it.
/// </summary>
internal sealed class ClientSendQueue(GatewayOptions limits, bool raw)
{
    private readonly int _feedCapacity = limits.SendQueueFeeds;
    private readonly int _replyCapacity = limits.SendQueueReplies;
    private readonly long _byteCapacity = limits.SendQueueBytes;
    private readonly Lock _gate = new();
    private readonly Queue<byte[]> _replies = new();
    private readonly Queue<string> _feedOrder = new();
    private readonly Dictionary<string, ScannerFeedMessage> _pendingFeeds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _newestVersions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0, 1);
    private bool _signaled;
    private bool _completed;
    private (WebSocketCloseStatus Status, string Description)? _close;
    private long _bytes;

    /// <summary>Updates replaced before they could be sent.</summary>
    public long Dropped { get; private set; }

    /// <summary>The bytes of the replies and updates waiting to be sent.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

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
            var size = SizeOf(message);
            if (_pendingFeeds.TryGetValue(message.Feed, out var replaced))
            {
                var others = _bytes - SizeOf(replaced);
                if (!Fits(others, size))
                {
                    return EnqueueResult.Overflow;
                }
                _bytes = others + size;
                _pendingFeeds[message.Feed] = message;
                _newestVersions[message.Feed] = message.Version;
                Dropped++;
                return EnqueueResult.Replaced;
            }
            if (_pendingFeeds.Count >= _feedCapacity || !Fits(_bytes, size))
            {
                return EnqueueResult.Overflow;
            }
            _bytes += size;
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
            if (_replies.Count >= _replyCapacity || !Fits(_bytes, reply.Length))
            {
                return false;
            }
            _bytes += reply.Length;
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
            if (_pendingFeeds.Remove(feed, out var pending))
            {
                _bytes -= SizeOf(pending);
            }
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
                    _bytes -= reply.Length;
                    message = reply;
                    return true;
                }
                while (_feedOrder.TryDequeue(out var feed))
                {
                    // A feed forgotten after it was queued leaves its name behind: skip it.
                    if (_pendingFeeds.Remove(feed, out var pending))
                    {
                        _bytes -= SizeOf(pending);
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

    /// <summary>Whether <paramref name="size"/> more bytes fit beside <paramref name="waiting"/> (always, beside nothing).</summary>
    private bool Fits(long waiting, long size) => waiting == 0 || waiting + size <= _byteCapacity;

    private long SizeOf(ScannerFeedMessage message) => raw ? message.Raw.Length : message.Envelope.Length;

    private void Signal()
    {
        if (!_signaled)
        {
            _signaled = true;
            _signal.Release();
        }
    }
}
