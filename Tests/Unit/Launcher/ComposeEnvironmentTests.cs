using Scanner.ServiceDefaults.Configuration;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Scanner.Silo.Hosting;
using Scanner.Tests.Support.Launcher;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Scanner.Tests.Unit.Launcher;

/// <summary>
/// compose/docker-compose.yml cannot share the launcher's code, but it must speak the same names: every variable it
/// gives one of our services is one the launcher sets for that process (Tests/Support/Launcher/SystemProcesses.cs)
/// or, for a silo, one the silo maps onto its settings.
/// </summary>
public sealed partial class ComposeEnvironmentTests
{
    public static TheoryData<string> OurServices() => [.. ComposeServices().Where(s => Kind(s.Value) is not null).Select(s => s.Key)];

    [Theory]
    [MemberData(nameof(OurServices))]
    public void Every_variable_compose_sets_is_one_the_launcher_sets_or_the_process_reads(string service)
    {
        var definition = ComposeServices()[service];
        var kind = Kind(definition)!;
        var launcherKeys = LauncherEnvironment(kind).Select(Family).ToHashSet();

        var unknown = Environment(definition)
            .Where(variable => !launcherKeys.Contains(Family(variable.Key)) && !(kind == "silo" && SiloReads(variable.Key, variable.Value)))
            .Select(variable => variable.Key)
            .ToList();

        Assert.True(unknown.Count == 0,
            $"compose service {service} sets {string.Join(", ", unknown)}, which the launcher does not set for a {kind} " +
            $"(it sets {string.Join(", ", launcherKeys.Order())}): rename it, or add it to SystemProcesses");
    }

    [Fact]
    public void The_compose_file_has_a_simulator_silos_and_a_gateway()
    {
        var kinds = ComposeServices().Values.Select(Kind).OfType<string>().ToList();
        Assert.Contains("simulator", kinds);
        Assert.Contains("gateway", kinds);
        Assert.True(kinds.Count(k => k == "silo") >= 2, "compose runs a cluster of at least two silos");
    }

    /// <summary>A key with its per-user part folded (<c>Auth__Users__trader</c> and <c>Auth__Users__demo</c> are one setting).</summary>
    private static string Family(string key) =>
        key.StartsWith("Auth__Users__", StringComparison.Ordinal) ? "Auth__Users__*" : key;

    /// <summary>What the launcher sets for a process of this kind, with every optional setting given.</summary>
    private static HashSet<string> LauncherEnvironment(string kind)
    {
        var settings = new SystemSettings
        {
            Silos = 1,
            Redis = "redis:6379",
            RabbitMq = "amqp://guest:guest@rabbitmq:5672/",
            Simulator = new SimulatorSettings { Speed = 1, Start = "09:30", Tickers = 10, Rate = 100, FrameSize = 5 },
            QueueCount = 2,
            Users = new Dictionary<string, string> { ["demo"] = "demo" },
            ClientApiKey = "key",
            LogLevel = "Warning",
            ClusterTls = new("/certs/tls.crt", "/certs/tls.key", "/certs/ca.crt"),
        };
        var layout = SystemLayout.Allocate(settings);
        var definition = kind switch
        {
            "simulator" => SystemProcesses.Simulator(settings, layout),
            "silo" => SystemProcesses.Silo(settings, layout, 0),
            _ => SystemProcesses.Gateway(settings, layout),
        };
        return [.. definition.Environment.Keys];
    }

    /// <summary>
    /// Whether the silo maps this variable onto one of its settings: its aliases of the original's names, or the
    /// operator sign-in (a deployment secret the launcher's loopback-only runs do not need).
    /// </summary>
    private static bool SiloReads(string variable, string value) =>
        variable.StartsWith(Scanner.Silo.Operations.OperatorOptions.Section + "__", StringComparison.Ordinal) ||
        EnvironmentAliases.Map(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [variable] = value }).Build()).Count > 0;

    private static Dictionary<string, Dictionary<object, object>> ComposeServices()
    {
        var path = Path.Combine(BuildOutput.RepositoryRoot, "compose", "docker-compose.yml");
        using var reader = File.OpenText(path);
        // The merging parser resolves `<<: *silo-environment` the way compose does.
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
        return ((Dictionary<object, object>)document["services"]).ToDictionary(s => (string)s.Key, s => (Dictionary<object, object>)s.Value);
    }

    /// <summary>simulator, silo or gateway for our images (built from compose/Dockerfile's targets); null for Redis and the like.</summary>
    private static string? Kind(Dictionary<object, object> service) =>
        service.TryGetValue("build", out var build) && build is Dictionary<object, object> b && b.TryGetValue("target", out var target)
            ? (string)target
            : null;

    /// <summary>The service's variables with compose's <c>${NAME:-default}</c> replaced by the default.</summary>
    private static Dictionary<string, string> Environment(Dictionary<object, object> service) =>
        service.TryGetValue("environment", out var environment) && environment is Dictionary<object, object> variables
            ? variables.ToDictionary(v => (string)v.Key, v => Interpolation().Replace((string)v.Value, m => m.Groups["default"].Value))
            : [];

    [GeneratedRegex(@"\$\{[A-Z0-9_]+(:-(?<default>[^}]*))?\}")]
    private static partial Regex Interpolation();
}
