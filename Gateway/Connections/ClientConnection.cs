using System.Buffers;
using System.Net.WebSockets;
using Scanner.Gateway.FanOut;
using Scanner.Gateway.Hosting;

namespace Scanner.Gateway.Connections;

/// <summary>
/// One client socket, the transport under a <see cref="ClientSession"/>: a reader that hands the session whole
/// messages (reading at most <see cref="GatewayOptions.MaxMessageBytes"/> of one; the socket itself closes a text
/// frame that is not UTF-8 with 1007, RFC 6455 section 8.1, and the connection then stays until the peer leaves) and a writer task that drains
/// the client's own <see cref="ClientSendQueue"/>. The fan-out only ever enqueues, so a client that stops reading
/// delays nobody; it loses its stale updates and is closed once a send stays stuck beyond
/// <see cref="GatewayOptions.StallTimeout"/>.
/// </summary>
internal sealed partial class ClientConnection : IClientChannel
{
    private const int Open = 0, Closing = 1, Aborted = 2;

    /// <summary>How long a connection whose frame the socket layer refused waits for the peer to close.</summary>
    public static readonly TimeSpan CloseLinger = TimeSpan.FromSeconds(2);

    /// <summary>The most one write of a batch holds: enough to spare most system calls, little enough to stay in the pool.</summary>
    private const int MaxBatchBytes = 64 * 1024;

    private readonly WebSocket _socket;
    private readonly ClientSendQueue _queue;
    private readonly ClientServices _services;
    private readonly CancellationTokenSource _reading = new();
    private readonly BatchingTransport? _transport;
    private long _sendStartedAt;
    private int _state;

    /// <param name="slot">The socket's place in the registry's caps, marked authenticated when the session authorizes.</param>
    /// <param name="transport">The socket's transport when it can batch writes: what is queued goes out in one write.</param>
    public ClientConnection(WebSocket socket, bool raw, ClientServices services, ConnectionSlot? slot = null, BatchingTransport? transport = null)
    {
        _socket = socket;
        _transport = transport;
        _services = services;
        _queue = new ClientSendQueue(services.Options, raw);
        Session = new ClientSession(this, services, slot);
    }

    public ClientSession Session { get; }

    public async Task RunAsync(CancellationToken aborted)
    {
        var registry = _services.Registry;
        registry.Add(this);
        _services.Metrics.ClientConnected();
        var writer = Task.Run(() => WriteLoop(aborted), CancellationToken.None);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(aborted, _reading.Token);
        try
        {
            await ReadLoop(reading.Token, _reading.Token).ConfigureAwait(false);
        }
        catch (Exception refused) when (IsRefusedFrame(refused))
        {
            // The socket layer refused a frame (invalid UTF-8), sent its close frame (1007) and aborted itself. Ending the
            // request now let the server reset the connection, and the reset discarded that close frame at the client
            // (the peer saw 1006, nearly every time in a row of connections). Keep the connection until the peer leaves.
            _services.Metrics.ProtocolError();
            _queue.Complete();
            await LingerAsync(aborted).ConfigureAwait(false);
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away or the socket was aborted (stall, overflow, shutdown): nothing more can be sent.
            _queue.Complete();
        }
        finally
        {
            Session.End();
            if (await Task.WhenAny(writer, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None)).ConfigureAwait(false) != writer)
            {
                Abort();
            }
            _queue.Complete();
            registry.Remove(this);
            _services.Metrics.ClientDisconnected();
            _reading.Dispose();
        }
    }

    public void Deliver(ScannerFeedMessage message)
    {
        switch (_queue.EnqueueFeed(message))
        {
            case EnqueueResult.Replaced:
                _services.Metrics.StaleDropped();
                break;
            case EnqueueResult.Overflow:
                CloseAsTooSlow();
                break;
        }
    }

    public void Reply(byte[] reply)
    {
        if (!_queue.EnqueueReply(reply))
        {
            CloseAsTooSlow();
        }
    }

    public void ReplyIfRoom(byte[] reply) => _queue.EnqueueReply(reply);

    public void Forget(string feed) => _queue.Forget(feed);

    public void Close(WebSocketCloseStatus status, string description)
    {
        Interlocked.CompareExchange(ref _state, Closing, Open);
        _queue.RequestClose(status, description);
    }

    /// <summary>Closes the client if a send is stuck, else lets the session of an open client apply its own timeouts.</summary>
    public void Sweep()
    {
        var sending = Volatile.Read(ref _sendStartedAt);
        if (sending != 0 && _services.Time.GetElapsedTime(sending) > _services.Options.StallTimeout)
        {
            CloseAsTooSlow();
        }
        else if (Volatile.Read(ref _state) == Open)
        {
            // A closing client was already dealt with: its timeouts must not fire (and count) again.
            Session.Sweep();
        }
    }

    /// <summary>
    /// Whether a receive failed because the socket layer refused the peer's frame (invalid UTF-8, a broken frame) and
    /// sent its close: a <see cref="WebSocketException"/> (<see cref="WebSocketError.Faulted"/>), or, when the socket was
    /// aborted meanwhile (the peer left at once), an <see cref="OperationCanceledException"/> wrapping that exception.
    /// </summary>
    internal static bool IsRefusedFrame(Exception error) =>
        error is WebSocketException { WebSocketErrorCode: WebSocketError.Faulted }
            or OperationCanceledException { InnerException: WebSocketException { WebSocketErrorCode: WebSocketError.Faulted } };

    /// <param name="aborted">Ends the session's own calls when the peer leaves.</param>
    /// <param name="stopReading">Ends a receive. Not the request's abort: cancelling a receive aborts the socket, and a
    /// peer that leaves right after the socket layer's close (1007) would turn that refusal into a cancellation, so the
    /// refusal would go uncounted; a peer that leaves fails the receive anyway.</param>
    private async Task ReadLoop(CancellationToken aborted, CancellationToken stopReading)
    {
        var usual = _services.Options.MaxMessageBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(usual);
        try
        {
            while (Volatile.Read(ref _state) == Open)
            {
                var limit = usual;
                var count = 0;
                ValueWebSocketReceiveResult received;
                while (true)
                {
                    if (count == buffer.Length)
                    {
                        buffer = Grow(buffer, limit);
                    }
                    received = await _socket.ReceiveAsync(buffer.AsMemory(count, Math.Min(buffer.Length, limit) - count), stopReading).ConfigureAwait(false);
                    count += received.Count;
                    if (received.EndOfMessage || received.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }
                    if (count < limit)
                    {
                        continue;
                    }
                    // The usual limit is reached and more follows: only a save_layouts may go on, into a buffer borrowed
                    // for this message.
                    if (limit == usual && Session.AllowsLongMessage(buffer.AsSpan(0, count)))
                    {
                        limit = Session.LayoutsMessageLimit;
                        continue;
                    }
                    break;
                }
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    _queue.RequestClose(WebSocketCloseStatus.NormalClosure, "bye");
                    return;
                }
                // A full buffer with more of the message to come: over the limit, without reading any further.
                if (!received.EndOfMessage)
                {
                    Session.ReceiveTooLarge();
                }
                else if (received.MessageType == WebSocketMessageType.Binary)
                {
                    Session.ReceiveBinary();
                }
                else
                {
                    await Session.ReceiveTextAsync(buffer.AsMemory(0, count), aborted).ConfigureAwait(false);
                }
                if (buffer.Length > usual && count > usual)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(usual);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A buffer of <paramref name="size"/> bytes holding what <paramref name="full"/> held; the old one is returned.</summary>
    private static byte[] Grow(byte[] full, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        full.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(full);
        return larger;
    }

    /// <summary>Waits until the peer closes the connection (the request is aborted), for at most two seconds.</summary>
    private async Task LingerAsync(CancellationToken peerGone)
    {
        try
        {
            await Task.Delay(CloseLinger, _services.Time, peerGone).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The peer closed: the close frame reached it.
        }
    }

    private async Task WriteLoop(CancellationToken aborted)
    {
        try
        {
            while (await _queue.WaitAsync(aborted).ConfigureAwait(false))
            {
                while (await SendBatchAsync(aborted).ConfigureAwait(false))
                {
                }
                if (_queue.TryTakeClose(out var status, out var description))
                {
                    Interlocked.CompareExchange(ref _state, Closing, Open);
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
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // IOException: the batch's own write to a transport the peer reset.
            Abort();
        }
    }

    /// <summary>
    /// Sends what is queued, up to <see cref="MaxBatchBytes"/>, as one write when the transport batches; true when the
    /// limit stopped it with more queued.
    /// </summary>
    private async ValueTask<bool> SendBatchAsync(CancellationToken aborted)
    {
        var time = _services.Time;
        _transport?.BeginBatch();
        var more = false;
        while (_queue.TryDequeue(out var frame))
        {
            Volatile.Write(ref _sendStartedAt, time.GetTimestamp());
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, aborted).ConfigureAwait(false);
            _services.Metrics.MessageSent();
            if (_transport?.Pending >= MaxBatchBytes)
            {
                more = true;
                break;
            }
        }
        // A failed send leaves the batch unsent: the socket is aborted with it.
        if (_transport is not null)
        {
            Volatile.Write(ref _sendStartedAt, time.GetTimestamp());
            await _transport.EndBatchAsync(aborted).ConfigureAwait(false);
        }
        Volatile.Write(ref _sendStartedAt, 0);
        return more;
    }

    private void CloseAsTooSlow()
    {
        if (Interlocked.Exchange(ref _state, Aborted) != Aborted)
        {
            _services.Metrics.SlowClientClosed();
            LogSlowClient(_services.Logger, Session.User ?? "anonymous");
            _queue.Complete();
            _socket.Abort();
        }
    }

    private void Abort()
    {
        Interlocked.Exchange(ref _state, Aborted);
        _queue.Complete();
        _socket.Abort();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed a client of {User} that stopped reading")]
    private static partial void LogSlowClient(ILogger logger, string user);
}
