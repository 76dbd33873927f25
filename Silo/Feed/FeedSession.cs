using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Scanner.MarketData;

namespace Scanner.Silo.Feed;

/// <summary>
/// One connection to the upstream feed: connect, wait for <c>connected</c>, auth, subscribe, verify every
/// subscription was acknowledged, then stream until the connection ends. The socket reader and the publishing
/// stage run concurrently; the session only watches the status messages.
/// </summary>
public sealed partial class FeedSession(
    FeedOptions options,
    FeedPublishingStage stage,
    FeedMetrics metrics,
    Func<Parsing.ParseCountersSnapshot> parseCounters,
    FeedListenerStatus status,
    ILogger logger)
{
    private readonly Channel<UpstreamSignal> _signals = Channel.CreateUnbounded<UpstreamSignal>(new() { SingleReader = true });

    public async Task<SessionOutcome> RunAsync(CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
        using var sessionCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ct = sessionCts.Token;

        status.Set(ListenerState.Connecting);
        LogConnecting(logger, options.Url.GetLeftPart(UriPartial.Path));
        using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            connectTimeout.CancelAfter(options.HandshakeTimeout);
            await socket.ConnectAsync(options.Url, connectTimeout.Token);
        }

        var buffer = new FrameBuffer(options.FrameBufferCapacity);
        metrics.Attach(buffer, parseCounters);
        var acks = new SubscriptionAcks(options.Subscriptions);
        var reader = new SocketFrameReader(socket, buffer, options.MaxFrameBytes);
        var readTask = ReadAsync(reader, buffer, ct);
        var stageTask = RunStageAsync(buffer, acks, ct);
        try
        {
            var outcome = await HandshakeAsync(socket, acks, ct);
            if (outcome is { } early)
            {
                return early;
            }

            // Stream until the server closes the connection; a max_connections or error status comes before that.
            var closeStatus = await readTask;
            LogClosed(logger, closeStatus?.ToString() ?? "none", socket.CloseStatusDescription ?? "");
            await stageTask;
            return Outcome(SessionOutcome.Disconnected);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return SessionOutcome.Cancelled;
        }
        finally
        {
            await sessionCts.CancelAsync();
            await Task.WhenAll(readTask, stageTask).ContinueWith(static _ => { }, TaskScheduler.Default);
            buffer.Discard();
            if (socket.State == WebSocketState.Open)
            {
                using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", closeTimeout.Token)
                    .ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    // Written by the publishing stage when a fatal status arrives, read when the connection ends.
    private volatile SessionOutcome _signalled = SessionOutcome.Disconnected;

    private SessionOutcome Outcome(SessionOutcome fallback) => _signalled == SessionOutcome.Disconnected ? fallback : _signalled;

    private async Task<SessionOutcome?> HandshakeAsync(ClientWebSocket socket, SubscriptionAcks acks, CancellationToken ct)
    {
        var connected = await WaitForAsync(ct, UpstreamSignalKind.Connected);
        if (connected?.Kind != UpstreamSignalKind.Connected)
        {
            return Fail(connected, "no 'connected' status from the server");
        }

        status.Set(ListenerState.Authenticating);
        await SendAsync(socket, "auth", options.ApiKey, ct);
        var auth = await WaitForAsync(ct, UpstreamSignalKind.AuthSucceeded, UpstreamSignalKind.AuthFailed);
        if (auth?.Kind != UpstreamSignalKind.AuthSucceeded)
        {
            return Fail(auth, "no answer to auth");
        }

        status.Set(ListenerState.Subscribing);
        await SendAsync(socket, "subscribe", string.Join(',', options.Subscriptions), ct);
        status.Set(ListenerState.Streaming);
        LogStreaming(logger, options.Subscriptions.Length);
        _ = VerifyAcksAsync(acks, ct);
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
    /// The first signal of the wanted kinds or of a fatal kind; null on timeout or when the connection ended without
    /// one (the signal channel completes once the stage has passed on every status read before the close).
    /// </summary>
    private async Task<UpstreamSignal?> WaitForAsync(CancellationToken ct, params UpstreamSignalKind[] wanted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.HandshakeTimeout);
        try
        {
            while (await _signals.Reader.WaitToReadAsync(timeout.Token))
            {
                while (_signals.Reader.TryRead(out var signal))
                {
                    if (IsDecisive(signal, wanted))
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

    /// <summary>Runs the publishing stage; when it ends, no more statuses can come, which the handshake must know.</summary>
    private async Task RunStageAsync(FrameBuffer buffer, SubscriptionAcks acks, CancellationToken ct)
    {
        try
        {
            await stage.RunAsync(buffer, s => OnStatus(s, acks), ct);
        }
        finally
        {
            _signals.Writer.TryComplete();
        }
    }

    private static bool IsDecisive(UpstreamSignal signal, UpstreamSignalKind[] wanted) =>
        wanted.Contains(signal.Kind) || signal.Kind is UpstreamSignalKind.AuthFailed or UpstreamSignalKind.MaxConnections
            or UpstreamSignalKind.AuthTimeout or UpstreamSignalKind.Error;

    private void OnStatus(FeedStatus feedStatus, SubscriptionAcks acks)
    {
        var signal = UpstreamSignal.From(feedStatus);
        switch (signal.Kind)
        {
            case UpstreamSignalKind.Subscribed when signal.Parameter is not null:
                acks.Acknowledge(signal.Parameter);
                break;
            case UpstreamSignalKind.MaxConnections:
                _signalled = SessionOutcome.MaxConnections;
                break;
            case UpstreamSignalKind.AuthFailed:
                _signalled = SessionOutcome.AuthFailed;
                break;
            case UpstreamSignalKind.Error or UpstreamSignalKind.AuthTimeout or UpstreamSignalKind.Other:
                LogUpstreamStatus(logger, feedStatus.Status, feedStatus.Message);
                break;
        }
        _signals.Writer.TryWrite(signal);
    }

    private async Task VerifyAcksAsync(SubscriptionAcks acks, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + options.SubscriptionAckTimeout;
        while (!acks.AllAcknowledged && DateTime.UtcNow < deadline && !ct.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }
        status.SetSubscriptions(acks.Acknowledged, acks.Unacknowledged);
        if (!acks.AllAcknowledged && !ct.IsCancellationRequested)
        {
            LogUnacknowledged(logger, string.Join(',', acks.Unacknowledged), options.SubscriptionAckTimeout);
        }
    }

    private async Task<WebSocketCloseStatus?> ReadAsync(SocketFrameReader reader, FrameBuffer buffer, CancellationToken ct)
    {
        try
        {
            return await reader.RunAsync(ct);
        }
        catch (WebSocketException ex)
        {
            status.Set(ListenerState.Backoff, $"connection lost: {ex.Message}");
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            metrics.AddSkippedMessages(reader.Skipped);
            buffer.Complete();
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Authenticated; streaming with {Count} subscriptions")]
    private static partial void LogStreaming(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The upstream feed refused the API key ({Message}); the listener stops until the configuration changes")]
    private static partial void LogAuthFailed(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriptions not acknowledged within {Timeout}: {Subscriptions}")]
    private static partial void LogUnacknowledged(ILogger logger, string subscriptions, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream status {Status}: {Message}")]
    private static partial void LogUpstreamStatus(ILogger logger, string status, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upstream connection closed (status {Status}, {Description})")]
    private static partial void LogClosed(ILogger logger, string status, string description);
}
