namespace Scanner.Silo.MarketFeed;

/// <summary>How one upstream connection ended, which decides what the listener does next.</summary>
public enum SessionOutcome
{
    /// <summary>Dropped, closed or failed: reconnect with backoff.</summary>
    Disconnected,
    /// <summary>The key was refused: terminal.</summary>
    AuthFailed,
    /// <summary>Another connection holds the key: cool down for minutes.</summary>
    MaxConnections,
    /// <summary>The host is stopping or the lease was lost.</summary>
    Cancelled,
}
