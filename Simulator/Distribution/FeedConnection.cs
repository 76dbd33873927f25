using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Scanner.Simulator.Protocol;

namespace Scanner.Simulator.Distribution;

/// <summary>
/// One client of the feed: speaks the Massive protocol (connected, auth, subscribe, unsubscribe, errors) and sends
/// the events it subscribed to in frames of up to <see cref="SimulatorOptions.FrameSize"/> events. A single send loop
/// owns the socket's send side; data waits in a queue bounded by event count, status messages are never dropped.
/// </summary>
public sealed partial class FeedConnection
{
    private const int MaxClientMessageBytes = 64 * 1024;
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    private readonly WebSocket _socket;
    private readonly SimulatorOptions _options;
    private readonly ConnectionRegistry _registry;
    private readonly SimulatorCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _lifetime = new();
    private volatile SubscriptionSet _subscriptions = SubscriptionSet.Empty;
    private volatile bool _authenticated;
    private volatile bool _closing;
    private long _queued;
    private long _sent;
    private long _frames;
    private long _dropped;

    public FeedConnection(WebSocket socket, SimulatorOptions options, ConnectionRegistry registry, SimulatorCounters counters, TimeProvider time, ILogger logger)
    {
        _socket = socket;
        _options = options;
        _registry = registry;
        _counters = counters;
        _time = time;
        _logger = logger;
        Id = registry.NextId();
    }

    public int Id { get; }
    public string? ApiKey { get; private set; }
    public bool IsSubscribed => _authenticated && !_closing && !_subscriptions.IsEmpty;
    public long QueuedEvents => Volatile.Read(ref _queued);
    public int QueueCapacity => _options.QueueCapacity;

    public ClientStats Stats => new(Id, _authenticated, Volatile.Read(ref _sent), Volatile.Read(ref _frames), Volatile.Read(ref _dropped), QueuedEvents);

    /// <summary>Queues a batch, or drops (and counts) the events this client wanted when its queue is full.</summary>
    public void Offer(EventBatch batch)
    {
        if (Interlocked.Add(ref _queued, batch.Count) > _options.QueueCapacity)
        {
            Interlocked.Add(ref _queued, -batch.Count);
            var subscriptions = _subscriptions;
            var wanted = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                if (subscriptions.Matches(batch.Events[i]))
                {
                    wanted++;
                }
            }
            Interlocked.Add(ref _dropped, wanted);
            _counters.Dropped(wanted);
            return;
        }
        if (!_outgoing.Writer.TryWrite(new Outgoing(null, batch, CloseAfter: false)))
        {
            Interlocked.Add(ref _queued, -batch.Count);
        }
    }

    /// <summary>Runs the connection until the client leaves, is closed by the protocol, or the server stops.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _lifetime.Token);
        var token = linked.Token;
        _registry.Add(this);
        _counters.Accepted();
        Control(FeedStatuses.Connected);
        var sending = SendLoopAsync(token);
        var authTimeout = AuthTimeoutAsync(token);
        try
        {
            await ReceiveLoopAsync(token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            LogReceiveEnded(_logger, Id, e.Message);
        }
        finally
        {
            _closing = true;
            _outgoing.Writer.TryComplete();
            _registry.Remove(this);
        }
        try
        {
            await sending;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ChannelClosedException)
        {
            LogSendEnded(_logger, Id, e.Message);
        }
        await CompleteCloseHandshakeAsync();
        await _lifetime.CancelAsync();
        await authTimeout;
        _lifetime.Dispose();
    }

    /// <summary>Answers a client's close frame, once the send loop no longer uses the socket.</summary>
    private async Task CompleteCloseHandshakeAsync()
    {
        if (_socket.State != WebSocketState.CloseReceived)
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(CloseGrace);
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            LogSendEnded(_logger, Id, e.Message);
        }
    }

    private async Task AuthTimeoutAsync(CancellationToken token)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(_options.AuthTimeoutSeconds), _time, token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (!_authenticated && !_closing)
        {
            Reject(FeedStatuses.AuthTimeout);
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken token)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(4096);
        var message = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(chunk.AsMemory(), token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                if (_closing)
                {
                    continue;
                }
                if (message.WrittenCount + result.Count > MaxClientMessageBytes)
                {
                    Reject(FeedStatuses.MessageTooLarge);
                    continue;
                }
                chunk.AsSpan(0, result.Count).CopyTo(message.GetSpan(result.Count));
                message.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    Handle(message.WrittenSpan);
                    message.ResetWrittenCount();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private void Handle(ReadOnlySpan<byte> utf8)
    {
        if (!ClientMessage.TryParse(utf8, out var message))
        {
            Control(FeedStatuses.InvalidJson);
            return;
        }
        switch (message.Action)
        {
            case "auth":
                Authenticate(message.Params);
                break;
            case "subscribe" or "unsubscribe" when !_authenticated:
                Control(FeedStatuses.NotAuthorized);
                break;
            case "subscribe":
                ChangeSubscriptions(message.Params, subscribe: true);
                break;
            case "unsubscribe":
                ChangeSubscriptions(message.Params, subscribe: false);
                break;
            default:
                Control(FeedStatuses.UnknownAction(message.Action));
                break;
        }
    }

    private void Authenticate(string key)
    {
        if (_authenticated)
        {
            Control(FeedStatuses.AuthSuccess);
            return;
        }
        if (!string.Equals(key, _options.ApiKey, StringComparison.Ordinal))
        {
            Reject(FeedStatuses.AuthFailed);
            return;
        }
        if (!_registry.TryClaimKey(key, _options.MaxConnectionsPerKey))
        {
            Reject(FeedStatuses.MaxConnections);
            return;
        }
        ApiKey = key;
        _authenticated = true;
        LogAuthenticated(_logger, Id);
        Control(FeedStatuses.AuthSuccess);
    }

    private void ChangeSubscriptions(string parameters, bool subscribe)
    {
        foreach (var range in parameters.AsSpan().Split(','))
        {
            var text = parameters.AsSpan(range).Trim();
            if (text.IsEmpty)
            {
                continue;
            }
            var param = text.ToString();
            if (!Subscription.TryParse(text, out var subscription))
            {
                Control(FeedStatuses.InvalidSubscription(param));
                continue;
            }
            _subscriptions = subscribe ? _subscriptions.With(subscription) : _subscriptions.Without(subscription);
            Control(subscribe ? FeedStatuses.Subscribed(param) : FeedStatuses.Unsubscribed(param));
        }
    }

    private void Control(byte[] frame) => _outgoing.Writer.TryWrite(new Outgoing(frame, null, CloseAfter: false));

    /// <summary>Sends a status and closes: auth failed, auth timeout, max connections, hostile input.</summary>
    private void Reject(byte[] frame)
    {
        LogRejected(_logger, Id, System.Text.Encoding.UTF8.GetString(frame));
        _closing = true;
        _counters.Rejected();
        _outgoing.Writer.TryWrite(new Outgoing(frame, null, CloseAfter: true));
    }

    private async Task SendLoopAsync(CancellationToken token)
    {
        using var frame = new FeedFrameWriter();
        var reader = _outgoing.Reader;
        while (await reader.WaitToReadAsync(token))
        {
            while (reader.TryRead(out var item))
            {
                if (item.Data is { } batch)
                {
                    await SendBatchAsync(frame, batch, token);
                    continue;
                }
                await FlushAsync(frame, token);
                await _socket.SendAsync(item.Control.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, token);
                if (item.CloseAfter)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, null, token);
                    // The client answers the close; one that does not is cut off after a grace period.
                    _lifetime.CancelAfter(CloseGrace);
                    return;
                }
            }
            await FlushAsync(frame, token);
        }
    }

    private async Task SendBatchAsync(FeedFrameWriter frame, EventBatch batch, CancellationToken token)
    {
        var subscriptions = _subscriptions;
        for (var i = 0; i < batch.Count; i++)
        {
            var e = batch.Events[i];
            if (!subscriptions.Matches(e))
            {
                continue;
            }
            frame.Write(e);
            if (frame.Count >= _options.FrameSize)
            {
                await FlushAsync(frame, token);
            }
        }
        Interlocked.Add(ref _queued, -batch.Count);
    }

    private async ValueTask FlushAsync(FeedFrameWriter frame, CancellationToken token)
    {
        if (frame.Count == 0)
        {
            return;
        }
        var events = frame.Count;
        await _socket.SendAsync(frame.CompleteFrame(), WebSocketMessageType.Text, endOfMessage: true, token);
        frame.Reset();
        Interlocked.Add(ref _sent, events);
        Interlocked.Increment(ref _frames);
        _counters.Sent(events);
    }

    private readonly record struct Outgoing(byte[]? Control, EventBatch? Data, bool CloseAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {Id} authenticated")]
    private static partial void LogAuthenticated(ILogger logger, int id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {Id} closed by the protocol: {Status}")]
    private static partial void LogRejected(ILogger logger, int id, string status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {Id}: receive ended ({Reason})")]
    private static partial void LogReceiveEnded(ILogger logger, int id, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {Id}: send ended ({Reason})")]
    private static partial void LogSendEnded(ILogger logger, int id, string reason);
}
