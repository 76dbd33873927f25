using System.Globalization;

namespace Scanner.Tests.Support.Launcher;

/// <summary>
/// THE definition of how each process of the system is started and with which settings, used by
/// <c>scripts/run.sh</c> and <c>scripts/bench.sh</c> (through Tests/Launcher), the integration and browser tests and
/// the benchmarks. The names are the ones the processes read and compose/docker-compose.yml sets (a unit test holds
/// compose to them). Everything runs on loopback.
/// </summary>
public static class SystemProcesses
{
    private const string Loopback = "127.0.0.1";

    /// <summary>Up to this many cores, silos run with workstation GC (see <see cref="Silo"/>).</summary>
    private const int SharedMachineCores = 4;

    public static ProcessDefinition Simulator(SystemSettings settings, SystemLayout layout)
    {
        var simulator = settings.Simulator;
        var environment = Common(settings);
        // The simulator binds its own Kestrel endpoint from these (ASPNETCORE_URLS does not apply to it).
        environment["Simulator__Host"] = Loopback;
        environment["Simulator__Port"] = Text(layout.SimulatorPort);
        environment["Simulator__ApiKey"] = simulator.ApiKey;
        environment["Simulator__Source"] = simulator.Source;
        SetIfGiven(environment, "Simulator__Speed", simulator.Speed);
        SetIfGiven(environment, "Simulator__Start", simulator.Start);
        SetIfGiven(environment, "Simulator__Tickers", simulator.Tickers);
        SetIfGiven(environment, "Simulator__Rate", simulator.Rate);
        SetIfGiven(environment, "Simulator__FrameSize", simulator.FrameSize);
        return new ProcessDefinition("simulator", "Simulator", environment, new Uri(SimulatorBase(layout), "health"));
    }

    public static ProcessDefinition Silo(SystemSettings settings, SystemLayout layout, int index)
    {
        var ports = layout.Silos[index];
        var environment = Common(settings);
        environment["SCANNER_INFRASTRUCTURE"] = settings.InMemory ? "InMemory" : "Real";
        if (!settings.InMemory)
        {
            environment["REDIS_URL"] = Require(settings.Redis, nameof(settings.Redis));
            environment["RABBITMQ_URL"] = Require(settings.RabbitMq, nameof(settings.RabbitMq));
        }
        SetCluster(environment, settings, layout);
        environment["Host__QueuePrefix"] = layout.ClusterId;
        SetIfGiven(environment, "Host__QueueCount", settings.QueueCount);
        environment["ORLEANS_SILO_PORT"] = Text(ports.Silo);
        environment["ORLEANS_GATEWAY_PORT"] = Text(ports.Gateway);
        environment["ORLEANS_ADVERTISED_HOST"] = Loopback;
        environment["MASSIVE_API_KEY"] = settings.Simulator.ApiKey;
        environment["MASSIVE_FEED_URL"] = SimulatorWebSocket(layout).ToString();
        environment["HYDRATION_BASE_URL"] = SimulatorBase(layout).ToString();
        environment["ASPNETCORE_URLS"] = $"http://{Loopback}:{ports.Http}";
        // Server GC (Silo.csproj) suits a silo with cores of its own. Here every process shares the machine with the
        // broker, the cache and often a browser: on a small machine server GC's per-core heaps and spinning GC threads
        // starved the listener's publishing stage (docs/benchmarks/findings.md, "Garbage collector").
        if (Environment.ProcessorCount <= SharedMachineCores)
        {
            environment["DOTNET_gcServer"] = "0";
        }
        foreach (var (key, value) in settings.SiloOverrides)
        {
            environment[key] = value;
        }
        return new ProcessDefinition($"silo{index + 1}", "Silo", environment, new Uri($"http://{Loopback}:{ports.Http}/health"));
    }

    public static ProcessDefinition Gateway(SystemSettings settings, SystemLayout layout)
    {
        var environment = Common(settings);
        if (!settings.InMemory)
        {
            environment["REDIS_URL"] = Require(settings.Redis, nameof(settings.Redis));
        }
        SetCluster(environment, settings, layout);
        environment["AUTH_ENABLED"] = "true";
        environment["AUTH_TOKEN_SECRET"] = layout.TokenSecret;
        foreach (var (user, password) in settings.Users)
        {
            environment[$"Auth__Users__{user}"] = password;
        }
        if (settings.ClientApiKey is { } key)
        {
            environment["AUTH_ALLOW_STATIC_KEY"] = "true";
            environment["AUTH_API_KEY"] = key;
        }
        environment["ASPNETCORE_URLS"] = GatewayBase(layout).ToString().TrimEnd('/');
        // The page is served from the source tree's wwwroot (a build does not copy it; a publish does).
        environment["ASPNETCORE_CONTENTROOT"] = Path.Combine(BuildOutput.RepositoryRoot, "Gateway");
        return new ProcessDefinition("gateway", "Gateway", environment, new Uri(GatewayBase(layout), "health"));
    }

    public static Uri SimulatorBase(SystemLayout layout) => new($"http://{Loopback}:{layout.SimulatorPort}/");

    public static Uri SimulatorWebSocket(SystemLayout layout) => new($"ws://{Loopback}:{layout.SimulatorPort}/stocks");

    public static Uri GatewayBase(SystemLayout layout) => new($"http://{Loopback}:{layout.GatewayPort}/");

    /// <summary>The cluster's identity and its transport security, the same for silos and the gateway's client.</summary>
    private static void SetCluster(Dictionary<string, string> environment, SystemSettings settings, SystemLayout layout)
    {
        environment["Infrastructure__ClusterId"] = layout.ClusterId;
        environment["Infrastructure__ServiceId"] = layout.ClusterId;
        if (settings.ClusterTls is { } tls)
        {
            environment["ORLEANS_TLS_CERTIFICATE"] = tls.Certificate;
            environment["ORLEANS_TLS_KEY"] = tls.PrivateKey;
            environment["ORLEANS_TLS_AUTHORITY"] = tls.Authority;
        }
    }

    private static Dictionary<string, string> Common(SystemSettings settings)
    {
        var environment = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" };
        SetIfGiven(environment, "Logging__LogLevel__Default", settings.LogLevel);
        return environment;
    }

    private static void SetIfGiven<T>(Dictionary<string, string> environment, string key, T? value)
    {
        if (value is not null)
        {
            environment[key] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Require(string? value, string name) =>
        value is { Length: > 0 } ? value : throw new ArgumentException($"{name} is required unless the system runs in memory");
}
