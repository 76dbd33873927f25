using System.Net.WebSockets;

namespace Scanner.Tests.Unit.Gateway;

/// <summary>
/// A server-side WebSocket whose incoming frames the test scripts; counts the payload bytes the reader took and
/// keeps what was sent and the close status. With nothing left to read, a receive waits until cancelled.
/// </summary>
internal sealed class ScriptedWebSocket : WebSocket
{
    private readonly Queue<(byte[] Payload, WebSocketMessageType Type, bool EndOfMessage)> _incoming = new();
    private readonly List<byte[]> _sent = [];
    private WebSocketState _state = WebSocketState.Open;
    private int _offset;

    /// <summary>Payload bytes handed to the reader so far.</summary>
    public int BytesRead { get; private set; }

    public IReadOnlyList<byte[]> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public override WebSocketCloseStatus? CloseStatus => _closeStatus;

    public override string? CloseStatusDescription => null;

    public override WebSocketState State => _state;

    public override string? SubProtocol => null;

    private WebSocketCloseStatus? _closeStatus;

    /// <summary>The next receive fails as the socket layer fails a frame it refuses (invalid UTF-8): close sent, aborted;
    /// with <paramref name="abortedMeanwhile"/>, as it fails when the peer left at once (the socket already aborted).</summary>
    public void RefuseNextFrame(bool abortedMeanwhile = false) => (_refuse, _abortedMeanwhile) = (true, abortedMeanwhile);

    public bool Refused { get; private set; }

    private bool _refuse;

    private bool _abortedMeanwhile;

    public void Incoming(byte[] payload, WebSocketMessageType type = WebSocketMessageType.Text, bool endOfMessage = true) =>
        _incoming.Enqueue((payload, type, endOfMessage));

    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_refuse)
        {
            _closeStatus = WebSocketCloseStatus.InvalidPayloadData;
            _state = WebSocketState.Aborted;
            Refused = true;
            var refused = new WebSocketException(WebSocketError.Faulted);
            throw _abortedMeanwhile ? new OperationCanceledException(nameof(WebSocketState.Aborted), refused) : refused;
        }
        if (!_incoming.TryPeek(out var frame))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        var count = Math.Min(buffer.Length, frame.Payload.Length - _offset);
        frame.Payload.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        BytesRead += count;
        var frameDone = _offset == frame.Payload.Length;
        if (frameDone)
        {
            _incoming.Dequeue();
            _offset = 0;
        }
        return new ValueWebSocketReceiveResult(count, frame.Type, frameDone && frame.EndOfMessage);
    }

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await ReceiveAsync(buffer.AsMemory(), cancellationToken);
        return new WebSocketReceiveResult(result.Count, result.MessageType, result.EndOfMessage);
    }

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            _sent.Add(buffer.ToArray());
        }
        return ValueTask.CompletedTask;
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        SendAsync(buffer.AsMemory(), messageType, endOfMessage, cancellationToken).AsTask();

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        _closeStatus = closeStatus;
        _state = WebSocketState.CloseSent;
        return Task.CompletedTask;
    }

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Abort() => _state = WebSocketState.Aborted;

    public override void Dispose()
    {
    }
}
