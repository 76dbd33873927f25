namespace Scanner.Silo.MarketFeed;

/// <summary>Where the feed listener of this silo is in its life.</summary>
public enum ListenerState
{
    /// <summary>Not started, or disabled by configuration.</summary>
    Idle,
    /// <summary>Another silo holds the single-listener lease; this one waits to take over.</summary>
    Standby,
    Connecting,
    Authenticating,
    Subscribing,
    Streaming,
    /// <summary>Waiting before the next connection attempt.</summary>
    Backoff,
    /// <summary>Stopped by an operator (control API): keeps the lease, so no other silo connects, and has no socket.</summary>
    Paused,
    /// <summary>The key was refused: terminal until the configuration changes or an operator acts.</summary>
    AuthFailed,
    /// <summary>Gave up after <see cref="MarketFeedOptions.MaxReconnects"/> failures, or the host is stopping.</summary>
    Stopped,
}
