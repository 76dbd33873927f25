using System.ComponentModel.DataAnnotations;

namespace Scanner.Silo.Hosting;

/// <summary>
/// How this silo is hosted (section <c>Host</c>): which infrastructure, its cluster endpoints, the market data
/// queues. Where Redis and RabbitMQ are, and the cluster's ids, are <see cref="ServiceDefaults.Configuration.InfrastructureOptions"/>.
/// </summary>
public sealed class ScannerHostOptions
{
    public const string Section = "Host";

    /// <summary>Real: Redis clustering and storage, RabbitMQ streams. InMemory: one silo, nothing to install.</summary>
    public ScannerInfrastructure Infrastructure { get; set; } = ScannerInfrastructure.Real;

    /// <summary>RabbitMQ queue names start with it: <c>{prefix}-{kind}-{i}</c>.</summary>
    [Required(ErrorMessage = "Host:QueuePrefix must not be empty")]
    [RegularExpression("^[A-Za-z0-9_.-]+$", ErrorMessage = "Host:QueuePrefix may hold letters, digits, '.', '_' and '-' only")]
    public string QueuePrefix { get; set; } = "scanner";

    /// <summary>Queues per data kind: part of the data contract, fixed per deployment.</summary>
    [Range(1, 1024, ErrorMessage = "Host:QueueCount must be between 1 and 1024")]
    public int QueueCount { get; set; } = 8;

    /// <summary>Market data older than this is discarded by the broker (the original's freshness rule); zero keeps it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Host:MessageTtl (MARKET_DATA_MESSAGE_TTL) must be between 0 and one day")]
    public TimeSpan MessageTtl { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 65535, ErrorMessage = "Host:SiloPort (ORLEANS_SILO_PORT) must be a TCP port (1-65535)")]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535, ErrorMessage = "Host:GatewayPort (ORLEANS_GATEWAY_PORT) must be a TCP port (1-65535)")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at (defaults to loopback for a local run).</summary>
    public string? AdvertisedHost { get; set; }
}

public enum ScannerInfrastructure
{
    Real,
    InMemory,
}
