using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Scanner.MarketData;
using Scanner.Silo.MarketFeed.Parsing;

namespace Scanner.Silo.MarketFeed;

/// <summary>
/// One connection to the upstream feed: connect, wait for <c>connected</c>, auth and subscribe (reading the socket
/// itself, so a backlog in the publishing stage cannot delay the handshake), then move every frame into the shared
/// <see cref="FrameBuffer"/> until the connection ends. Subscription acks and later statuses come back through the
/// publishing stage to <see cref="OnStatus"/>.
/// </summary>
public sealed partial class MarketFeedSession(
    MarketFeedOptions options,
    int connection,
    FrameBuffer buffer,
    MarketFeedMetrics metrics,
    MarketFeedListenerStatus status,
    ILogger logger)
{
    // Statuses before streaming are read here, on this thread; the stage's parser belongs to the stage's thread.
    private readonly FrameParser _handshakeParser = new();
    private readonly List<MarketEvent> _handshakeEvents = [];
    private readonly List<MarketFeedStatus> _handshakeStatuses = [];
    private readonly SubscriptionAcks _acks = new(options.Subscriptions);

    // Written by the publishing stage when a fatal status arrives, read when the connection ends.
    private volatile SessionOutcome _signalled = SessionOutcome.Disconnected;

    // Set once the subscription acks' deadline passed and their state was reported.
    private volatile bool _ackDeadlinePassed;
    private readonly Lock _ackReport = new();

    /// <summary>The number of this connection, carried by its frames.</summary>
    public int Connection => connection;

    public async Task<SessionOutcome> RunAsync(CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
        var reader = new SocketFrameReader(socket, options.MaxFrameBytes, connection, metrics.CountSkippedMessage);
        try
        {
            status.Set(ListenerState.Connecting);
            LogConnecting(logger, options.Url.GetLeftPart(UriPartial.Path));
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connectTimeout.CancelAfter(options.HandshakeTimeout);
                await socket.ConnectAsync(options.Url, connectTimeout.Token);
            }

            if (await HandshakeAsync(socket, reader, cancellationToken) is { } early)
            {
                return early;
            }

            using var streaming = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _ = VerifyAcksAsync(streaming.Token);
            var closeStatus = await reader.RunAsync(buffer, streaming.Token);
            LogClosed(logger, closeStatus?.ToString() ?? "none", socket.CloseStatusDescription ?? "");
            await streaming.CancelAsync();
            status.Set(ListenerState.Backoff, $"connection closed by the server ({closeStatus}: {socket.CloseStatusDescription})");
            return _signalled;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return SessionOutcome.Cancelled;
        }
        catch (WebSocketException ex)
        {
            status.Set(ListenerState.Backoff, $"connection lost: {ex.Message}");
            LogConnectionLost(logger, ex.Message);
            return _signalled;
        }
        finally
        {
            if (socket.State == WebSocketState.Open)
            {
                using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", closeTimeout.Token)
                    .ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Handles a status that arrived while streaming (called on the publishing stage's thread).</summary>
    public void OnStatus(MarketFeedStatus feedStatus)
    {
        var signal = UpstreamSignal.From(feedStatus);
        switch (signal.Kind)
        {
            case UpstreamSignalKind.Subscribed when signal.Parameter is not null:
                if (_acks.Acknowledge(signal.Parameter) && _ackDeadlinePassed)
                {
                    // A late ack: the deadline reported it missing, so report it received (health recovers).
                    ReportAcks();
                }
                break;
            case UpstreamSignalKind.MaxConnections:
                _signalled = SessionOutcome.MaxConnections;
                status.Set(ListenerState.Backoff, $"max_connections: {signal.Message}");
                break;
            case UpstreamSignalKind.AuthFailed:
                _signalled = SessionOutcome.AuthFailed;
                status.Set(ListenerState.AuthFailed, $"auth_failed: {signal.Message}");
                break;
            case UpstreamSignalKind.Error or UpstreamSignalKind.AuthTimeout or UpstreamSignalKind.Other:
                LogUpstreamStatus(logger, feedStatus.Status, feedStatus.Message);
                break;
        }
    }

    private async Task<SessionOutcome?> HandshakeAsync(ClientWebSocket socket, SocketFrameReader reader, CancellationToken ct)
    {
        var connected = await NextSignalAsync(reader, ct, UpstreamSignalKind.Connected);
        if (connected?.Kind != UpstreamSignalKind.Connected)
        {
            return Fail(connected, "no 'connected' status from the server");
        }

        status.Set(ListenerState.Authenticating);
        await SendAsync(socket, "auth", options.ApiKey, ct);
        var auth = await NextSignalAsync(reader, ct, UpstreamSignalKind.AuthSucceeded);
        if (auth?.Kind != UpstreamSignalKind.AuthSucceeded)
        {
            return Fail(auth, "no answer to auth");
        }

        status.Set(ListenerState.Subscribing);
        await SendAsync(socket, "subscribe", string.Join(',', options.Subscriptions), ct);
        status.Set(ListenerState.Streaming);
        LogStreaming(logger, connection, options.Subscriptions.Length);
        return null;
    }

    private SessionOutcome Fail(UpstreamSignal? signal, string silence)
    {
        switch (signal?.Kind)
        {
            case UpstreamSignalKind.AuthFailed:
                status.Set(ListenerState.AuthFailed, $"auth_failed: {signal.Value.Message}");
                LogAuthFailed(logger, signal.Value.Message);
                return SessionOutcome.AuthFailed;
            case UpstreamSignalKind.MaxConnections:
                status.Set(ListenerState.Backoff, $"max_connections: {signal.Value.Message}");
                return SessionOutcome.MaxConnections;
            case null:
                status.Set(ListenerState.Backoff, $"handshake failed: {silence}");
                return SessionOutcome.Disconnected;
            default:
                status.Set(ListenerState.Backoff, $"{signal.Value.Kind}: {signal.Value.Message}");
                return SessionOutcome.Disconnected;
        }
    }

    /// <summary>
    /// Reads frames until a status of the wanted kind or a fatal one; null on timeout or when the server closed first.
    /// The handshake comes before any subscription, so these frames carry no market data.
    /// </summary>
    private async Task<UpstreamSignal?> NextSignalAsync(SocketFrameReader reader, CancellationToken ct, UpstreamSignalKind wanted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.HandshakeTimeout);
        try
        {
            while (await reader.ReceiveAsync(timeout.Token) is { } frame)
            {
                _handshakeEvents.Clear();
                _handshakeStatuses.Clear();
                try
                {
                    _handshakeParser.Parse(frame.Span, _handshakeEvents, _handshakeStatuses);
                }
                finally
                {
                    frame.Release();
                }
                foreach (var feedStatus in _handshakeStatuses)
                {
                    var signal = UpstreamSignal.From(feedStatus);
                    if (signal.Kind == wanted || signal.Kind is UpstreamSignalKind.AuthFailed or UpstreamSignalKind.MaxConnections
                            or UpstreamSignalKind.AuthTimeout or UpstreamSignalKind.Error)
                    {
                        return signal;
                    }
                }
            }
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task VerifyAcksAsync(CancellationToken ct)
    {
        try
        {
            var deadline = DateTime.UtcNow + options.SubscriptionAckTimeout;
            while (!_acks.AllAcknowledged && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, ct);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        _ackDeadlinePassed = true;
        ReportAcks();
        if (!_acks.AllAcknowledged)
        {
            LogUnacknowledged(logger, string.Join(',', _acks.Unacknowledged), options.SubscriptionAckTimeout);
        }
    }

    /// <summary>Publishes the acks' state; the deadline and a late ack may both report, so one at a time, each fresh.</summary>
    private void ReportAcks()
    {
        lock (_ackReport)
        {
            status.SetSubscriptions(_acks.Acknowledged, _acks.Unacknowledged);
        }
    }

    private static async Task SendAsync(WebSocket socket, string action, string parameters, CancellationToken ct)
    {
        var writer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(writer))
        {
            json.WriteStartObject();
            json.WriteString("action", action);
            json.WriteString("params", parameters);
            json.WriteEndObject();
        }
        await socket.SendAsync(writer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connecting to the upstream feed at {Url}")]
    private static partial void LogConnecting(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {Connection} authenticated; streaming with {Count} subscriptions")]
    private static partial void LogStreaming(ILogger logger, int connection, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The upstream feed refused the API key ({Message}); the listener stops until the configuration changes")]
    private static partial void LogAuthFailed(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriptions not acknowledged within {Timeout}: {Subscriptions}")]
    private static partial void LogUnacknowledged(ILogger logger, string subscriptions, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream status {Status}: {Message}")]
    private static partial void LogUpstreamStatus(ILogger logger, string status, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upstream connection closed (status {Status}, {Description})")]
    private static partial void LogClosed(ILogger logger, string status, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream connection lost: {Reason}")]
    private static partial void LogConnectionLost(ILogger logger, string reason);
}
