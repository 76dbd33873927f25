namespace Scanner.Silo.MarketFeed;

/// <summary>What a status message of the upstream feed means for the listener.</summary>
public enum UpstreamSignalKind
{
    Connected,
    AuthSucceeded,
    /// <summary>The key is wrong: never retry with it.</summary>
    AuthFailed,
    AuthTimeout,
    /// <summary>Another connection holds this key: cool down, do not fight it.</summary>
    MaxConnections,
    Subscribed,
    Unsubscribed,
    Error,
    /// <summary>A status this listener does not know; logged and otherwise ignored.</summary>
    Other,
}

/// <summary>A classified status message; <see cref="Parameter"/> is the acknowledged subscription, if any.</summary>
public readonly record struct UpstreamSignal(UpstreamSignalKind Kind, string? Parameter, string Message)
{
    private const string SubscribedPrefix = "subscribed to: ";
    private const string UnsubscribedPrefix = "unsubscribed to: ";

    public static UpstreamSignal From(MarketData.MarketFeedStatus status) => status.Status switch
    {
        "connected" => new(UpstreamSignalKind.Connected, null, status.Message),
        "auth_success" => new(UpstreamSignalKind.AuthSucceeded, null, status.Message),
        "auth_failed" => new(UpstreamSignalKind.AuthFailed, null, status.Message),
        "auth_timeout" => new(UpstreamSignalKind.AuthTimeout, null, status.Message),
        "max_connections" => new(UpstreamSignalKind.MaxConnections, null, status.Message),
        "error" => new(UpstreamSignalKind.Error, null, status.Message),
        "success" when status.Message.StartsWith(UnsubscribedPrefix, StringComparison.Ordinal) =>
            new(UpstreamSignalKind.Unsubscribed, status.Message[UnsubscribedPrefix.Length..].Trim(), status.Message),
        "success" when status.Message.StartsWith(SubscribedPrefix, StringComparison.Ordinal) =>
            new(UpstreamSignalKind.Subscribed, status.Message[SubscribedPrefix.Length..].Trim(), status.Message),
        _ => new(UpstreamSignalKind.Other, null, status.Message),
    };
}
