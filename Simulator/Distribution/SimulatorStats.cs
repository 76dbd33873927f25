namespace Scanner.Simulator.Distribution;

/// <summary>What <c>/health</c> reports, and what tests and benchmarks read from <see cref="Hosting.SimulatorServer.Stats"/>.</summary>
public sealed record SimulatorStats(
    string Service,
    string Status,
    string Source,
    DateTimeOffset MarketTime,
    long EventsPublished,
    long EventsSent,
    long FramesSent,
    long EventsDropped,
    long ConnectionsAccepted,
    long ConnectionsRejected,
    int ActiveConnections,
    IReadOnlyList<ClientStats> Clients,
    IReadOnlyDictionary<string, long> RestRequests);

/// <summary>One connected client.</summary>
public sealed record ClientStats(int Id, bool Authenticated, long EventsSent, long FramesSent, long EventsDropped, long EventsQueued);
