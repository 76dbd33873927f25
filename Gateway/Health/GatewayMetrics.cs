using System.Diagnostics.Metrics;

namespace Scanner.Gateway.Health;

/// <summary>
/// Meter "Scanner.Gateway" and the counters of <c>GET /health</c>. Counters are plain interlocked fields read by
/// observable instruments, so counting on the hot path costs one atomic add.
/// </summary>
public sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "Scanner.Gateway";

    private readonly Meter _meter;
    private long _activeClients;
    private long _connectionsAccepted;
    private long _connectionsRejected;
    private long _messagesSent;
    private long _droppedStale;
    private long _slowClientsClosed;
    private long _authFailures;
    private long _protocolErrors;
    private long _feedUpdates;
    private long _backendFailures;

    public GatewayMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("scanner.gateway.clients", () => ActiveClients, description: "Open client sockets");
        Counter("scanner.gateway.connections.accepted", () => ConnectionsAccepted, "Client sockets accepted");
        Counter("scanner.gateway.connections.rejected", () => ConnectionsRejected, "Connections refused (origin, token, limits)");
        Counter("scanner.gateway.messages.sent", () => MessagesSent, "Frames sent to clients");
        Counter("scanner.gateway.messages.dropped_stale", () => DroppedStale, "Updates replaced before a slow client took them");
        Counter("scanner.gateway.clients.slow_closed", () => SlowClientsClosed, "Clients closed for not keeping up");
        Counter("scanner.gateway.auth.failures", () => AuthFailures, "Rejected credentials");
        Counter("scanner.gateway.protocol.errors", () => ProtocolErrors, "Invalid or refused client messages");
        Counter("scanner.gateway.feed.updates", () => FeedUpdates, "Feed updates fanned out");
        Counter("scanner.gateway.backend.failures", () => BackendFailures, "Failed reads from the backend");
    }

    public long ActiveClients => Volatile.Read(ref _activeClients);
    public long ConnectionsAccepted => Volatile.Read(ref _connectionsAccepted);
    public long ConnectionsRejected => Volatile.Read(ref _connectionsRejected);
    public long MessagesSent => Volatile.Read(ref _messagesSent);
    public long DroppedStale => Volatile.Read(ref _droppedStale);
    public long SlowClientsClosed => Volatile.Read(ref _slowClientsClosed);
    public long AuthFailures => Volatile.Read(ref _authFailures);
    public long ProtocolErrors => Volatile.Read(ref _protocolErrors);
    public long FeedUpdates => Volatile.Read(ref _feedUpdates);
    public long BackendFailures => Volatile.Read(ref _backendFailures);

    public void ClientConnected()
    {
        Interlocked.Increment(ref _activeClients);
        Interlocked.Increment(ref _connectionsAccepted);
    }

    public void ClientDisconnected() => Interlocked.Decrement(ref _activeClients);
    public void ConnectionRejected() => Interlocked.Increment(ref _connectionsRejected);
    public void MessageSent() => Interlocked.Increment(ref _messagesSent);
    public void StaleDropped() => Interlocked.Increment(ref _droppedStale);
    public void SlowClientClosed() => Interlocked.Increment(ref _slowClientsClosed);
    public void AuthFailed() => Interlocked.Increment(ref _authFailures);
    public void ProtocolError() => Interlocked.Increment(ref _protocolErrors);
    public void FeedUpdateReceived() => Interlocked.Increment(ref _feedUpdates);
    public void BackendFailure() => Interlocked.Increment(ref _backendFailures);

    public void Dispose() => _meter.Dispose();

    private void Counter(string name, Func<long> read, string description) =>
        _meter.CreateObservableCounter(name, read, description: description);
}
