using System.Text.Json;
using Scanner.ScannerFeeds;
using Scanner.Tests.Support.Gateway;
using Scanner.Tests.Support.Launcher;
using Xunit.Abstractions;

namespace Scanner.Tests.Integration.Operations;

/// <summary>
/// A real Prometheus scrapes a silo process's and the gateway process's <c>/metrics</c> while the replayed day
/// flows, and its query API returns the feed and fan-out metrics; the health endpoints answer over HTTP (one system
/// start for both: it costs a minute).
/// </summary>
public class PrometheusScrapeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Prometheus_scrapes_the_feed_and_fan_out_metrics_of_a_silo_and_the_gateway()
    {
        await using var system = await TestSystem.StartAsync(silos: 1);
        var silo = new Uri(system.SiloHealth[0], "/");
        await using var prometheus = await PrometheusServer.StartAsync(new Dictionary<string, Uri>
        {
            ["silo"] = new Uri(silo, "metrics"),
            ["gateway"] = new Uri(system.GatewayUri, "metrics"),
        });
        await using var client = await GatewayTestClient.LogInAndConnectAsync(system.GatewayUri, TestSystem.User, TestSystem.Password);
        await client.SendAsync(new { action = "subscribe", feed = ScannerFeedNames.TopVolume });
        await client.WaitForUpdateAsync(ScannerFeedNames.TopVolume, d => d.GetArrayLength() > 0, TimeSpan.FromMinutes(3));

        string[] queries =
        [
            "sum(scanner_feed_published_total{job=\"silo\"})",          // the listener: events into the streams
            "sum(scanner_fanout_delivered_total{job=\"silo\"})",        // the silo side of the fan-out
            "sum(scanner_gateway_feed_updates_total{job=\"gateway\"})", // the gateway side of the fan-out
            "sum(scanner_gateway_clients{job=\"gateway\"})",
        ];
        foreach (var query in queries)
        {
            await Polling.UntilAsync(async () => (await prometheus.QueryAsync(query)) is [> 0],
                () => $"{query} > 0 in Prometheus; targets: {string.Join(", ", prometheus.TargetHealthAsync().Result)}\n{prometheus.Log}\n{system.Logs()}",
                TimeSpan.FromSeconds(60));
        }
        // The evidence an operator would see: each query and Prometheus' answer (one value per series).
        string[] feed =
        [
            .. queries,
            "sum(scanner_feed_frames_total{job=\"silo\"})",
            "sum(rate(scanner_feed_published_total{job=\"silo\"}[30s]))",
            "histogram_quantile(0.99, sum by (le) (rate(scanner_feed_publish_latency_milliseconds_bucket{job=\"silo\"}[30s])))",
            "sum(scanner_feed_dropped_frames_total{job=\"silo\"}) + sum(scanner_feed_expired_frames_total{job=\"silo\"})",
            "sum(scanner_feed_publish_failed_total{job=\"silo\"})",
            "max(scanner_feed_lease_held{job=\"silo\"})",
            "max(scanner_feed_unacknowledged_subscriptions{job=\"silo\"})",
            "max(scanner_feed_lag_seconds{job=\"silo\"})",
        ];
        foreach (var query in feed)
        {
            output.WriteLine($"GET {prometheus.Address}api/v1/query?query={query} -> [{string.Join(", ", await prometheus.QueryAsync(query))}]");
        }
        // The lag gauge under the name the alert rules use (the exporter appends the unit).
        Assert.True((await prometheus.QueryAsync("count(scanner_feed_lag_seconds{job=\"silo\"})")) is [> 0], "scanner_feed_lag_seconds");
        // Orleans' own meter, the .NET runtime and ASP.NET Core are exported too.
        foreach (var family in new[] { "orleans_.*", "(dotnet|process_runtime_dotnet)_.*", "http_server_.*" })
        {
            Assert.True((await prometheus.QueryAsync($"count({{job=\"silo\",__name__=~\"{family}\"}})")) is [> 0], family);
        }
        Assert.Equal(new Dictionary<string, string> { ["silo"] = "up", ["gateway"] = "up" }, await prometheus.TargetHealthAsync());

        // The health endpoints of both processes, over HTTP.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var root in new[] { new Uri(system.SiloHealth[0], "/"), system.GatewayUri })
        {
            using var live = await http.GetAsync(new Uri(root, "health/live"));
            Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);

            var readyText = await http.GetStringAsync(new Uri(root, "health/ready"));
            output.WriteLine($"GET {root}health/ready -> {readyText}");
            using var ready = JsonDocument.Parse(readyText);
            Assert.Contains(ready.RootElement.GetProperty("status").GetString(), new[] { "Healthy", "Degraded" });
            Assert.True(ready.RootElement.GetProperty("checks").GetArrayLength() > 0);

            using var health = JsonDocument.Parse(await http.GetStringAsync(new Uri(root, "health")));
            Assert.Equal(JsonValueKind.Array, health.RootElement.GetProperty("reasons").ValueKind);
        }
    }
}
