namespace Scanner.Silo.Hosting;

/// <summary>Where the silo's cluster, state and streams live (section <c>Host</c>).</summary>
public sealed class ScannerHostOptions
{
    public const string Section = "Host";

    /// <summary>Real: Redis clustering and storage, RabbitMQ streams. InMemory: one silo, nothing to install.</summary>
    public ScannerInfrastructure Infrastructure { get; set; } = ScannerInfrastructure.Real;

    public string Redis { get; set; } = "127.0.0.1:6379";

    public string RabbitMqUrl { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>RabbitMQ queue names start with it: <c>{prefix}-{kind}-{i}</c>.</summary>
    public string QueuePrefix { get; set; } = "scanner";

    /// <summary>Queues per data kind: part of the data contract, fixed per deployment.</summary>
    public int QueueCount { get; set; } = 8;

    /// <summary>Market data older than this is discarded by the broker (the original's freshness rule).</summary>
    public TimeSpan MessageTtl { get; set; } = TimeSpan.FromSeconds(5);

    public string ClusterId { get; set; } = "scanner";

    public string ServiceId { get; set; } = "scanner";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at (defaults to loopback for a local run).</summary>
    public string? AdvertisedHost { get; set; }
}

public enum ScannerInfrastructure
{
    Real,
    InMemory,
}
