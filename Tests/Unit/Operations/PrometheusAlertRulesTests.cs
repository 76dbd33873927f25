using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Scanner.Tests.Unit.Operations;

/// <summary>
/// compose/prometheus/alerts.yml names only metrics our code exports: every <c>scanner_*</c> and <c>rabbitmq_*</c>
/// series in an expression is an instrument created in Silo, Grains or Gateway, as the OpenTelemetry Prometheus
/// exporter names it (dots to underscores, <c>_total</c> on counters). The syntax is checked by promtool in scripts/test.sh.
/// </summary>
public partial class PrometheusAlertRulesTests
{
    [Fact]
    public void Every_rule_uses_metrics_that_exist_in_the_code()
    {
        var instruments = new[] { "Silo", "Grains", "Gateway", "Orleans.Streaming.RabbitMQ", "ServiceDefaults" }
            .SelectMany(folder => Directory.GetFiles(RepositoryFolder.Path(folder), "*.cs", SearchOption.AllDirectories))
            .SelectMany(file => InstrumentName().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value.Replace('.', '_')))
            .ToHashSet(StringComparer.Ordinal);

        var used = Expressions().SelectMany(expr => OurSeries().Matches(expr).Select(m => m.Value)).Distinct().ToList();
        Assert.NotEmpty(used);
        foreach (var series in used)
        {
            var instrument = series.EndsWith("_total", StringComparison.Ordinal) ? series[..^"_total".Length] : series;
            // The exporter also appends the unit (s -> _seconds, ms -> _milliseconds) unless the name already ends in it.
            var withoutUnit = UnitSuffix().Replace(instrument, "");
            Assert.True(instruments.Contains(instrument) || instruments.Contains(withoutUnit), $"{series} is not exported by any instrument in the code");
        }
    }

    [Fact]
    public void Every_rule_has_a_name_a_severity_and_a_summary()
    {
        foreach (var rule in Rules())
        {
            Assert.Matches("^[A-Z][A-Za-z]+$", rule.Str("alert"));
            Assert.Contains(rule.Map("labels").Str("severity"), new[] { "warning", "critical" });
            Assert.NotEmpty(rule.Map("annotations").Str("summary"));
        }
    }

    private static IEnumerable<string> Expressions() => Rules().Select(r => r.Str("expr"));

    private static IEnumerable<YamlMappingNode> Rules()
    {
        var root = YamlNodes.Load(RepositoryFolder.Path("compose", "prometheus", "alerts.yml")).Single();
        return root.Seq("groups").Cast<YamlMappingNode>().SelectMany(g => g.Seq("rules").Cast<YamlMappingNode>());
    }

    [GeneratedRegex(@"""((?:scanner|rabbitmq)\.[a-z0-9_.]+)""")]
    private static partial Regex InstrumentName();

    [GeneratedRegex("_(?:seconds|milliseconds)$")]
    private static partial Regex UnitSuffix();

    [GeneratedRegex(@"\b(?:scanner|rabbitmq)_[a-z0-9_]+")]
    private static partial Regex OurSeries();
}
