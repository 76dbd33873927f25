using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scanner.ScannerFeeds;
using Scanner.Tests.Integration.Infrastructure;
using Scanner.Silo.Operations;
using Scanner.Tests.Support.Gateway;
using Scanner.Tests.Support.Health;
using Scanner.Tests.Support.Launcher;
using Scanner.Tests.Support.Measuring;
using Scanner.Tests.Support.Reporting;
using Xunit.Abstractions;

namespace Scanner.Tests.Integration.EndToEnd;

/// <summary>
/// RabbitMQ stops for 20 seconds under the running system (silo, gateway, a client): the listener's publications
/// fail fast and are counted (visible in the silo's health), the silo's <c>/health/ready</c> turns unhealthy naming
/// the stream providers' lost broker connection, nothing else breaks, and once the broker is back the reason goes and
/// the data flows again by itself, with no row going back. Stops the shared broker, so it runs alone.
/// </summary>
[Collection(BrokerOutageCollection.Name)]
public class BrokerOutageSystemTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Twenty_seconds_without_the_broker_lose_only_counted_events_and_the_data_comes_back()
    {
        await using var system = await TestSystem.StartAsync(silos: 1);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = new RowRegressionWatch();
        try
        {
            await using var client = await FeedWatcher.StartAsync(system.GatewayUri, [ScannerFeedNames.TopVolume, "quote:SPY"], watch);
            await Polling.UntilAsync(() => watch.Newest("SPY").Volume > 0, () => "a quote of SPY with volume", TimeSpan.FromMinutes(3));
            var failedBefore = await PublishFailedEventsAsync(http, system.SiloHealth[0]);
            using var readiness = new ReadinessWatch(system.SiloReady[0], output.WriteLine);
            var readyBefore = await readiness.ReadAsync();

            readiness.Log("stopping the RabbitMQ application (rabbitmqctl stop_app)");
            await RabbitMqBroker.StopAsync();
            var stopped = Stopwatch.StartNew();
            readiness.Log("RabbitMQ application stopped");
            long failedDuring;
            Readiness down;
            TimeSpan notReady;
            try
            {
                down = await readiness.UntilAsync(r => !r.Healthy && r.Reason(StreamProvidersHealthCheck.Name) is not null,
                    "/health/ready not healthy, naming the stream providers' broker connection", Polling.DefaultTimeout);
                notReady = stopped.Elapsed;
                await Polling.UntilAsync(async () => await PublishFailedEventsAsync(http, system.SiloHealth[0]) > failedBefore,
                    () => "the listener's failed publications counted in the silo's health", Polling.DefaultTimeout);
                failedDuring = await PublishFailedEventsAsync(http, system.SiloHealth[0]);
                var rest = Outage - stopped.Elapsed;
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest); // the outage's length is the fault injected, not a wait for a result
                }
            }
            finally
            {
                readiness.Log("starting the RabbitMQ application again (rabbitmqctl start_app)");
                await RabbitMqBroker.StartAsync();
            }
            var outage = stopped.Elapsed;
            var restarted = Stopwatch.StartNew();
            readiness.Log("RabbitMQ application started");
            var back = await readiness.UntilAsync(r => r.Reason(StreamProvidersHealthCheck.Name) is null,
                "the broker connection's reason gone from /health/ready", TimeSpan.FromMinutes(2));
            var readyAgain = restarted.Elapsed;
            var (volumeBefore, newestBefore) = (watch.Newest("SPY").Volume, watch.NewestEvent);
            await Polling.UntilAsync(() => watch.NewestEvent > newestBefore && watch.Newest("SPY").Volume > volumeBefore,
                () => "rows newer than before the outage", TimeSpan.FromMinutes(2));
            var flowing = restarted.Elapsed;
            Assert.False(system.Processes.Any(p => p.HasExited), "a process died during the outage");

            var failed = await PublishFailedEventsAsync(http, system.SiloHealth[0]) - failedBefore;
            var observed = $"/health/ready {readyBefore.Verdict} before; {down.Verdict} {notReady.TotalSeconds:0.0} s after stop_app returned " +
                $"({down.Reason(StreamProvidersHealthCheck.Name)}); the RabbitMQ reason gone {readyAgain.TotalSeconds:0.0} s after start_app returned, " +
                $"leaving {back.Verdict} (the loss counted in the last minute); " +
                $"{failedDuring - failedBefore} events counted as failed while the broker was down; data flowing again " +
                $"{flowing.TotalSeconds:0.0} s after the broker came back; {watch.Rows} rows seen, {watch.Regressions.Count} went back";
            output.WriteLine(FaultReport.Record("broker loss", $"RabbitMQ application stopped for {outage.TotalSeconds:0} s under the replayed day",
                "publications fail fast and are counted, /health/ready unhealthy naming RabbitMQ until it is back, the system reconnects by itself",
                observed, "yes", $"{failed} events failed to publish (scanner_feed_publish_failed, health feed-loss degraded)"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Code);
            Assert.Equal("Unhealthy", down.Status);
            Assert.Contains("RabbitMQ unreachable", down.Reason(StreamProvidersHealthCheck.Name), StringComparison.Ordinal);
            Assert.True(failed > 0);
            Assert.True(watch.Regressions.Count == 0, string.Join("\n", watch.Regressions));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\n{system.Logs()}");
        }
    }

    /// <summary>The listener's failed-publication counter from the silo's health (answered with 200 or 503).</summary>
    private static async Task<long> PublishFailedEventsAsync(HttpClient http, Uri health)
    {
        using var response = await http.GetAsync(health);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("listener").GetProperty("counters").GetProperty("publishFailedEvents").GetInt64();
    }
}
