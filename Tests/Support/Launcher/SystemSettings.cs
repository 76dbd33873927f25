using Scanner.Tests.Support.Security;

namespace Scanner.Tests.Support.Launcher;

/// <summary>
/// What differs between one start of the system and another: how many silos, which infrastructure, what the
/// simulator sends, which ports, who may log in. Everything else about how a process is started lives in
/// <see cref="SystemProcesses"/>, the same for the scripts, the tests and the benchmarks.
/// </summary>
public sealed record SystemSettings
{
    /// <summary>The build whose binaries run: <c>Debug</c> or <c>Release</c>.</summary>
    public string Configuration { get; init; } = BuildOutput.CurrentConfiguration;

    /// <summary>Silo processes; 0 starts the simulator alone (the listener benchmark hosts its own silo).</summary>
    public int Silos { get; init; } = 2;

    /// <summary>Whether a gateway process serves the page and the scanner feeds.</summary>
    public bool Gateway { get; init; } = true;

    /// <summary>One silo with in-memory streams and storage: no Redis, no RabbitMQ.</summary>
    public bool InMemory { get; init; }

    /// <summary>Redis <c>host:port</c> and RabbitMQ AMQP URI of this run (unused when <see cref="InMemory"/>).</summary>
    public string? Redis { get; init; }

    public string? RabbitMq { get; init; }

    public SimulatorSettings Simulator { get; init; } = new();

    /// <summary>Fixed HTTP ports (scripts, so that the printed addresses stay the same); 0 takes a free one.</summary>
    public int GatewayPort { get; init; }

    /// <summary>The first silo's HTTP port, the next silo's is one higher; 0 takes free ones.</summary>
    public int SiloHttpPort { get; init; }

    /// <summary>RabbitMQ queues per data kind; null keeps the silo's default.</summary>
    public int? QueueCount { get; init; }

    /// <summary>Gateway logins (user, password); the page asks for one.</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>();

    /// <summary>A static client key the gateway also accepts (load runs); null accepts tokens only.</summary>
    public string? ClientApiKey { get; init; }

    /// <summary>Every process's default log level; null keeps each one's own (Information).</summary>
    public string? LogLevel { get; init; }

    /// <summary>Further silo settings for this start (a test's shorter lease, say), same names as the silo reads.</summary>
    public IReadOnlyDictionary<string, string> SiloOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Mutual TLS on the Orleans ports of every silo and the gateway; null leaves them plain TCP.</summary>
    public ClusterTlsFiles? ClusterTls { get; init; }

    /// <summary>Where the processes' logs go; null uses a temporary folder removed on dispose.</summary>
    public string? RunDirectory { get; init; }
}
