using System.ComponentModel.DataAnnotations;

namespace Scanner.Gateway.Hosting;

/// <summary>Limits and timings of the client-facing gateway (section <c>Gateway</c>; validated at start).</summary>
public sealed class GatewayOptions : IValidatableObject
{
    public const string Section = "Gateway";

    /// <summary>Largest client message; a larger one is answered with an error and the socket is closed (1009).</summary>
    [Range(64, 16 * 1024 * 1024, ErrorMessage = "Gateway:MaxMessageBytes must be between 64 and 16 MiB")]
    public int MaxMessageBytes { get; set; } = 4096;

    [Range(1, int.MaxValue, ErrorMessage = "Gateway:MaxSubscriptionsPerClient must be at least 1")]
    public int MaxSubscriptionsPerClient { get; set; } = 200;

    /// <summary>Sockets one authenticated user (token subject) may hold at once; clients of the shared static key are not counted.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Gateway:MaxConnectionsPerUser must be at least 1")]
    public int MaxConnectionsPerUser { get; set; } = 20;

    /// <summary>Sockets the gateway holds at once; beyond, an upgrade is refused with 503.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Gateway:MaxConnections must be at least 1")]
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>Sockets not yet authenticated (auth on) the gateway holds at once; beyond, an upgrade without a valid
    /// token is refused with 503. Each lives at most <see cref="AuthTimeout"/>.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Gateway:MaxUnauthenticatedConnections must be at least 1")]
    public int MaxUnauthenticatedConnections { get; set; } = 500;

    /// <summary>Sockets one client address may hold at once; beyond, an upgrade is refused with 429.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Gateway:MaxConnectionsPerAddress must be at least 1")]
    public int MaxConnectionsPerAddress { get; set; } = 100;

    /// <summary>Sustained client messages per second (token bucket refill) and the burst allowed on top.</summary>
    [Range(0.001, double.MaxValue, ErrorMessage = "Gateway:MessagesPerSecond must be positive")]
    public double MessagesPerSecond { get; set; } = 20;

    [Range(1, int.MaxValue, ErrorMessage = "Gateway:MessageBurst must be at least 1")]
    public int MessageBurst { get; set; } = 40;

    /// <summary>How often the server pings; a peer that does not answer within <see cref="KeepAliveTimeout"/> is dropped.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A client with no subscription that sends nothing for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>With auth on, a client must be authorized within this time.</summary>
    public TimeSpan AuthTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A client whose socket accepts nothing for this long is closed as too slow.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Distinct feeds with an unsent update one client may have queued; beyond it the client is closed as too slow.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Gateway:SendQueueFeeds must be at least 1")]
    public int SendQueueFeeds { get; set; } = 4096;

    /// <summary>Replies one client may have queued; beyond it the client is closed as not reading.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Gateway:SendQueueReplies must be at least 1")]
    public int SendQueueReplies { get; set; } = 64;

    /// <summary>Bytes of replies and updates one client may have waiting; beyond it the client is closed as too slow.
    /// A single larger message still goes to a client with nothing else waiting.</summary>
    [Range(64 * 1024, int.MaxValue, ErrorMessage = "Gateway:SendQueueBytes must be at least 64 KiB")]
    public int SendQueueBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How long a silo may take to learn new interest; a new per-symbol subscription is re-fetched after it.</summary>
    public TimeSpan InterestPropagationDelay { get; set; } = TimeSpan.FromSeconds(1.5);

    public TimeSpan GetTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Browser origins allowed besides the gateway's own (for example <c>http://localhost:8000</c>; <c>*</c> allows any).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public TimeSpan RegistrationInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RegistrationLease { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Every timing must be positive (the propagation delay may be zero), and a registration must outlive its renewal.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        (string Name, TimeSpan Value)[] positive =
        [
            (nameof(KeepAliveInterval), KeepAliveInterval), (nameof(KeepAliveTimeout), KeepAliveTimeout),
            (nameof(IdleTimeout), IdleTimeout), (nameof(AuthTimeout), AuthTimeout), (nameof(StallTimeout), StallTimeout),
            (nameof(GetTimeout), GetTimeout), (nameof(RegistrationInterval), RegistrationInterval), (nameof(RegistrationLease), RegistrationLease),
        ];
        foreach (var (name, value) in positive.Where(p => p.Value <= TimeSpan.Zero))
        {
            yield return new ValidationResult($"{Section}:{name} must be positive (got {value})", [name]);
        }
        if (InterestPropagationDelay < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:{nameof(InterestPropagationDelay)} must not be negative", [nameof(InterestPropagationDelay)]);
        }
        if (RegistrationLease <= RegistrationInterval)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(RegistrationLease)} ({RegistrationLease}) must be longer than {Section}:{nameof(RegistrationInterval)} ({RegistrationInterval})",
                [nameof(RegistrationLease)]);
        }
    }
}
