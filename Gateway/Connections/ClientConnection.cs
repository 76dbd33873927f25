using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using Scanner.Feeds;
using Scanner.Gateway.Auth;
using Scanner.Gateway.FanOut;
using Scanner.Gateway.Health;
using Scanner.Gateway.Hosting;
using Scanner.Gateway.Protocol;

namespace Scanner.Gateway.Connections;

/// <summary>
/// One client socket: a reader that handles the client's actions and a writer task that drains the client's own
/// <see cref="ClientSendQueue"/>. The fan-out only ever enqueues, so a client that stops reading delays nobody; it
/// loses its stale updates and is closed once a send stays stuck beyond <see cref="GatewayOptions.StallTimeout"/>.
/// </summary>
internal sealed partial class ClientConnection : IFeedSubscriber
{
    private readonly WebSocket _socket;
    private readonly ClientSendQueue _queue;
    private readonly FeedHub _hub;
    private readonly ClientAuthenticator _authenticator;
    private readonly ClientRegistry _registry;
    private readonly GatewayMetrics _metrics;
    private readonly GatewayOptions _options;
    private readonly ILogger _logger;
    private readonly TokenBucket _rate;
    private readonly HashSet<string> _subscriptions = new(StringComparer.Ordinal);
    private readonly long _connectedAt;
    private readonly CancellationTokenSource _reading = new();
    private string? _user;
    private bool _userCounted;
    private long _lastReceivedAt;
    private long _sendStartedAt;
    private int _subscriptionCount;
    private int _closed;

    public ClientConnection(
        WebSocket socket, bool raw, FeedHub hub, ClientAuthenticator authenticator, ClientRegistry registry,
        GatewayMetrics metrics, GatewayOptions options, ILogger logger)
    {
        _socket = socket;
        _hub = hub;
        _authenticator = authenticator;
        _registry = registry;
        _metrics = metrics;
        _options = options;
        _logger = logger;
        _queue = new ClientSendQueue(options.SendQueueFeeds, options.SendQueueReplies, raw);
        _connectedAt = _lastReceivedAt = Stopwatch.GetTimestamp();
        _rate = new TokenBucket(options.MessageBurst, options.MessagesPerSecond, _connectedAt);
    }

    private bool Authorized => _user is not null || !_authenticator.Enabled;

    /// <summary>Marks the client authorized as <paramref name="user"/> (a token from the query or a header).</summary>
    public bool TryAuthorize(string user)
    {
        if (_user is not null)
        {
            return true;
        }
        // The static key is shared by every client of the compatibility mode, so a per-user limit cannot apply to it.
        var counted = user != ClientAuthenticator.StaticKeySubject;
        if (counted && !_registry.TryAcquireUser(user))
        {
            return false;
        }
        _user = user;
        _userCounted = counted;
        return true;
    }

    public async Task RunAsync(CancellationToken aborted)
    {
        _registry.Add(this);
        _metrics.ClientConnected();
        var writer = Task.Run(() => WriteLoop(aborted), CancellationToken.None);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(aborted, _reading.Token);
        try
        {
            await ReadLoop(reading.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away or the socket was aborted (stall, overflow, shutdown): nothing more can be sent.
            _queue.Complete();
        }
        finally
        {
            foreach (var pattern in _subscriptions)
            {
                _hub.Unsubscribe(this, pattern);
            }
            if (await Task.WhenAny(writer, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None)).ConfigureAwait(false) != writer)
            {
                Abort();
            }
            _queue.Complete();
            if (_userCounted)
            {
                _registry.ReleaseUser(_user!);
            }
            _registry.Remove(this);
            _metrics.ClientDisconnected();
            _reading.Dispose();
        }
    }

    public void Deliver(FeedMessage message)
    {
        switch (_queue.EnqueueFeed(message))
        {
            case EnqueueResult.Replaced:
                _metrics.StaleDropped();
                break;
            case EnqueueResult.Overflow:
                CloseAsTooSlow();
                break;
        }
    }

    /// <summary>Closes the client if a send is stuck, it never authorized, or it sits idle without subscriptions.</summary>
    public void Sweep(long now)
    {
        var sending = Volatile.Read(ref _sendStartedAt);
        if (sending != 0 && Stopwatch.GetElapsedTime(sending, now) > _options.StallTimeout)
        {
            CloseAsTooSlow();
        }
        else if (!Authorized && Stopwatch.GetElapsedTime(_connectedAt, now) > _options.AuthTimeout)
        {
            ReplyAndClose(ServerReplies.Unauthorized, WebSocketCloseStatus.PolicyViolation, "authentication timeout");
        }
        else if (Volatile.Read(ref _subscriptionCount) == 0 && Stopwatch.GetElapsedTime(Volatile.Read(ref _lastReceivedAt), now) > _options.IdleTimeout)
        {
            _queue.RequestClose(WebSocketCloseStatus.NormalClosure, "idle timeout");
        }
    }

    private async Task ReadLoop(CancellationToken aborted)
    {
        // One byte more than allowed, to tell "exactly the limit" from "over it".
        var buffer = ArrayPool<byte>.Shared.Rent(_options.MaxMessageBytes + 1);
        try
        {
            while (Volatile.Read(ref _closed) == 0)
            {
                var count = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer.AsMemory(count, _options.MaxMessageBytes + 1 - count), aborted).ConfigureAwait(false);
                    count += received.Count;
                }
                while (!received.EndOfMessage && count <= _options.MaxMessageBytes && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    _queue.RequestClose(WebSocketCloseStatus.NormalClosure, "bye");
                    return;
                }
                if (count > _options.MaxMessageBytes)
                {
                    _metrics.ProtocolError();
                    ReplyAndClose(ServerReplies.Error($"message too large (limit {_options.MaxMessageBytes} bytes)"), WebSocketCloseStatus.MessageTooBig, "message too large");
                    return;
                }
                Volatile.Write(ref _lastReceivedAt, Stopwatch.GetTimestamp());
                if (!_rate.TryTake(Stopwatch.GetTimestamp()))
                {
                    _metrics.ProtocolError();
                    Reply(ServerReplies.Error($"rate limit exceeded ({_options.MessagesPerSecond} messages/s)"));
                    continue;
                }
                if (received.MessageType == WebSocketMessageType.Binary)
                {
                    _metrics.ProtocolError();
                    Reply(ServerReplies.Error("binary frames are not supported; send JSON text"));
                    continue;
                }
                await HandleAsync(ClientMessageParser.Parse(buffer.AsSpan(0, count)), aborted).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task HandleAsync(ClientMessage message, CancellationToken aborted)
    {
        if (message.Action == ClientAction.Invalid)
        {
            _metrics.ProtocolError();
            Reply(ServerReplies.InvalidAction);
            return;
        }
        if (message.Action != ClientAction.Auth && !Authorized)
        {
            _metrics.AuthFailed();
            ReplyAndClose(ServerReplies.Unauthorized, WebSocketCloseStatus.PolicyViolation, "unauthorized");
            return;
        }
        var argument = message.Argument!;
        switch (message.Action)
        {
            case ClientAction.Auth:
                Authenticate(argument);
                break;
            case ClientAction.Subscribe:
                Subscribe(argument);
                break;
            case ClientAction.Unsubscribe:
                Unsubscribe(argument);
                break;
            case ClientAction.Get:
                await GetAsync(argument, message.Limit, aborted).ConfigureAwait(false);
                break;
        }
    }

    private void Authenticate(string credential)
    {
        if (!_authenticator.Enabled)
        {
            Reply(ServerReplies.Authorized);
            return;
        }
        var check = _authenticator.Authenticate(credential);
        if (!check.IsValid)
        {
            _metrics.AuthFailed();
            LogAuthFailed(_logger, check.Status);
            ReplyAndClose(ServerReplies.InvalidKey, WebSocketCloseStatus.PolicyViolation, "invalid key");
            return;
        }
        if (!TryAuthorize(check.Subject!))
        {
            _metrics.ConnectionRejected();
            ReplyAndClose(ServerReplies.Error($"too many connections for this user (limit {_options.MaxConnectionsPerUser})"), WebSocketCloseStatus.PolicyViolation, "connection limit");
            return;
        }
        Reply(ServerReplies.Authorized);
    }

    private void Subscribe(string pattern)
    {
        if (!FeedPatterns.IsValid(pattern))
        {
            _metrics.ProtocolError();
            Reply(ServerReplies.Error("invalid feed name"));
            return;
        }
        if (_subscriptions.Contains(pattern))
        {
            Reply(ServerReplies.Subscribed(pattern));
            return;
        }
        if (_subscriptions.Count >= _options.MaxSubscriptionsPerClient)
        {
            _metrics.ProtocolError();
            Reply(ServerReplies.Error($"subscription limit reached ({_options.MaxSubscriptionsPerClient} per connection)"));
            return;
        }
        _subscriptions.Add(pattern);
        Volatile.Write(ref _subscriptionCount, _subscriptions.Count);
        // The reply is queued before the current value, and both before any later update.
        Reply(ServerReplies.Subscribed(pattern));
        _hub.Subscribe(this, pattern);
    }

    private void Unsubscribe(string pattern)
    {
        if (_subscriptions.Remove(pattern))
        {
            Volatile.Write(ref _subscriptionCount, _subscriptions.Count);
            _hub.Unsubscribe(this, pattern);
            if (!FeedPatterns.IsWildcard(pattern))
            {
                _queue.Forget(pattern);
            }
        }
        Reply(ServerReplies.Unsubscribed(pattern));
    }

    private async Task GetAsync(string cache, int? limit, CancellationToken aborted)
    {
        if (!FeedPatterns.IsValid(cache) || FeedPatterns.IsWildcard(cache))
        {
            _metrics.ProtocolError();
            Reply(ServerReplies.Error("get needs an exact feed name"));
            return;
        }
        FeedUpdate? update = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            timeout.CancelAfter(_options.GetTimeout);
            update = await _hub.GetAsync(cache, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (!aborted.IsCancellationRequested)
        {
            _metrics.BackendFailure();
            LogGetFailed(_logger, cache, error);
        }
        Reply(ServerReplies.GetResult(cache, update?.Payload, limit));
    }

    private async Task WriteLoop(CancellationToken aborted)
    {
        try
        {
            while (await _queue.WaitAsync(aborted).ConfigureAwait(false))
            {
                while (_queue.TryDequeue(out var frame))
                {
                    Volatile.Write(ref _sendStartedAt, Stopwatch.GetTimestamp());
                    await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, aborted).ConfigureAwait(false);
                    Volatile.Write(ref _sendStartedAt, 0);
                    _metrics.MessageSent();
                }
                if (_queue.TryTakeClose(out var status, out var description))
                {
                    Interlocked.Exchange(ref _closed, 1);
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                        await _socket.CloseOutputAsync(status, description, timeout.Token).ConfigureAwait(false);
                    }
                    // Give the peer a moment to answer the close, then stop waiting for it.
                    _reading.CancelAfter(TimeSpan.FromSeconds(2));
                    return;
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            Abort();
        }
    }

    private void Reply(byte[] reply)
    {
        if (!_queue.EnqueueReply(reply))
        {
            CloseAsTooSlow();
        }
    }

    private void ReplyAndClose(byte[] reply, WebSocketCloseStatus status, string description)
    {
        Interlocked.Exchange(ref _closed, 1);
        Reply(reply);
        _queue.RequestClose(status, description);
    }

    private void CloseAsTooSlow()
    {
        if (Interlocked.Exchange(ref _closed, 2) != 2)
        {
            _metrics.SlowClientClosed();
            LogSlowClient(_logger, _user ?? "anonymous");
            Abort();
        }
    }

    private void Abort()
    {
        Interlocked.Exchange(ref _closed, 2);
        _queue.Complete();
        _socket.Abort();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Client rejected: {Status} credential")]
    private static partial void LogAuthFailed(ILogger logger, TokenStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed a client of {User} that stopped reading")]
    private static partial void LogSlowClient(ILogger logger, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read {Feed} for a get")]
    private static partial void LogGetFailed(ILogger logger, string feed, Exception error);
}
