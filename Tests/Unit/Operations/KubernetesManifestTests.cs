using Scanner.ServiceDefaults.Configuration;
using Microsoft.Extensions.Configuration;
using Scanner.Gateway.Hosting;
using Scanner.Silo.MarketFeed;
using Scanner.Silo.Hosting;
using Scanner.Silo.Operations;
using YamlDotNet.RepresentationModel;

namespace Scanner.Tests.Unit.Operations;

/// <summary>
/// deploy/kubernetes checked offline against the code: probe paths and ports, the ports the silo listens on, and
/// that every environment variable is one the process reads and every secret or config key it takes exists.
/// </summary>
public class KubernetesManifestTests
{
    private const string Live = "/health/live";
    private const string Ready = "/health/ready";

    private static readonly string Folder = RepositoryFolder.Path("deploy", "kubernetes");

    private static readonly List<YamlMappingNode> Resources = [.. Directory.GetFiles(Folder, "*.yaml")
        .Where(f => Path.GetFileName(f) != "kustomization.yaml")
        .SelectMany(YamlNodes.Load)];

    [Fact]
    public void Kustomization_lists_every_manifest_but_the_example_secret()
    {
        var listed = YamlNodes.Load(Path.Combine(Folder, "kustomization.yaml")).Single().Seq("resources").Select(n => n.ToString()).Order();
        var files = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName)
            .Where(f => f is not ("kustomization.yaml" or "secret.example.yaml")).Order();
        Assert.Equal(files, listed);
    }

    [Theory]
    [InlineData("scanner-silo")]
    [InlineData("scanner-gateway")]
    public void Probes_use_the_health_paths_on_a_declared_port_that_the_app_listens_on(string deployment)
    {
        var container = Container(deployment);
        Assert.Equal(Live, Probe(container, "startupProbe"));
        Assert.Equal(Live, Probe(container, "livenessProbe"));
        Assert.Equal(Ready, Probe(container, "readinessProbe"));

        var ports = container.Seq("ports").Cast<YamlMappingNode>().ToDictionary(p => p.Str("name"), p => int.Parse(p.Str("containerPort")));
        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
        {
            Assert.Contains(container.Map(probe).Map("httpGet").Str("port"), ports.Keys);
        }
        Assert.Equal($"http://+:{ports["http"]}", Env(container)["ASPNETCORE_URLS"]);
    }

    [Fact]
    public void Silos_run_several_replicas_under_a_disruption_budget_and_advertise_their_pod_ip()
    {
        var silo = Resource("Deployment", "scanner-silo");
        Assert.True(int.Parse(silo.Map("spec").Str("replicas")) >= 2);
        var labels = silo.Map("spec").Map("template").Map("metadata").Map("labels");
        var budget = Resource("PodDisruptionBudget", "scanner-silo").Map("spec").Map("selector").Map("matchLabels");
        foreach (var (key, value) in budget.Children)
        {
            Assert.Equal(value.ToString(), labels.Str(key.ToString()));
        }

        var container = Container("scanner-silo");
        var env = container.Seq("env").Cast<YamlMappingNode>().ToDictionary(e => e.Str("name"));
        Assert.Equal("status.podIP", env["ORLEANS_ADVERTISED_HOST"].Map("valueFrom").Map("fieldRef").Str("fieldPath"));
        var ports = container.Seq("ports").Cast<YamlMappingNode>().ToDictionary(p => p.Str("name"), p => p.Str("containerPort"));
        Assert.Equal(ports["silo"], Env(container)["ORLEANS_SILO_PORT"]);
        Assert.Equal(ports["gateway"], Env(container)["ORLEANS_GATEWAY_PORT"]);
    }

    [Fact]
    public void Every_silo_variable_is_one_the_silo_reads()
    {
        foreach (var name in Env(Container("scanner-silo")).Keys)
        {
            var read = name == "ASPNETCORE_URLS"
                || BindsToOption(name, (MarketFeedOptions.Section, typeof(MarketFeedOptions)), (ScannerHostOptions.Section, typeof(ScannerHostOptions)), (OperatorOptions.Section, typeof(OperatorOptions)))
                || EnvironmentAliases.Map(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [name] = SampleValue(name) }).Build()).Count > 0;
            Assert.True(read, $"the silo does not read {name}");
        }
    }

    [Fact]
    public void Every_gateway_variable_is_one_the_gateway_reads()
    {
        foreach (var name in Env(Container("scanner-gateway")).Keys)
        {
            var read = name == "ASPNETCORE_URLS"
                || name.StartsWith("Auth__Users__", StringComparison.Ordinal) // AuthOptions.Users, one entry per user
                || EnvironmentAliases.Map(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [name] = "1" }).Build()).Count > 0;
            Assert.True(read, $"the gateway does not read {name}");
        }
    }

    [Fact]
    public void Every_secret_and_config_key_referenced_exists()
    {
        var secret = YamlNodes.Load(Path.Combine(Folder, "secret.example.yaml")).Single();
        var config = Resource("ConfigMap", "scanner-config");
        foreach (var container in new[] { Container("scanner-silo"), Container("scanner-gateway") })
        {
            foreach (var env in container.Seq("env").Cast<YamlMappingNode>().Where(e => e.Has("valueFrom")))
            {
                var from = env.Map("valueFrom");
                if (from.Has("secretKeyRef"))
                {
                    Assert.Equal(secret.Map("metadata").Str("name"), from.Map("secretKeyRef").Str("name"));
                    Assert.True(secret.Map("stringData").Has(from.Map("secretKeyRef").Str("key")), env.Str("name"));
                }
                if (from.Has("configMapKeyRef"))
                {
                    Assert.Equal("scanner-config", from.Map("configMapKeyRef").Str("name"));
                    Assert.True(config.Map("data").Has(from.Map("configMapKeyRef").Str("key")), env.Str("name"));
                }
            }
        }
    }

    private static bool BindsToOption(string variable, params (string Section, Type Type)[] options)
    {
        var parts = variable.Split("__");
        return parts.Length == 2 && options.Any(o => o.Section == parts[0] && o.Type.GetProperty(parts[1]) is { CanWrite: true });
    }

    private static string SampleValue(string variable) => variable switch
    {
        "MASSIVE_SUBSCRIPTIONS" => "[\"T.*\"]",
        "MARKET_DATA_MESSAGE_TTL" => "5000",
        _ => "value",
    };

    private static string Probe(YamlMappingNode container, string probe) => container.Map(probe).Map("httpGet").Str("path");

    /// <summary>The literal values (a value taken from elsewhere maps to "").</summary>
    private static Dictionary<string, string> Env(YamlMappingNode container) =>
        container.Seq("env").Cast<YamlMappingNode>().ToDictionary(e => e.Str("name"), e => e.Has("value") ? e.Str("value") : "");

    private static YamlMappingNode Container(string deployment) =>
        (YamlMappingNode)Resource("Deployment", deployment).Map("spec").Map("template").Map("spec").Seq("containers").Single();

    private static YamlMappingNode Resource(string kind, string name) =>
        Resources.Single(r => r.Str("kind") == kind && r.Map("metadata").Str("name") == name);
}
