using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scanner.Persistence;
using Scanner.ServiceDefaults;
using Scanner.Silo.MarketFeed;
using Scanner.Simulator;
using Scanner.Simulator.Hosting;
using Scanner.Tests.Support.Health;
using Xunit.Abstractions;

namespace Scanner.Tests.Integration.Operations;

/// <summary>
/// <c>/health/ready</c> over HTTP (the silo on 127.0.0.2) while the listener streams from the real simulator: each
/// condition an operator can provoke in a single silo turns it degraded or unhealthy with the reason, and it turns
/// healthy again once the condition is gone. Readiness reads cached state, so it answers in well under 100 ms while
/// the feed flows (timed at the end). Redis and RabbitMQ unreachable are provoked on real processes, with the answers
/// read the same way, in CacheLossTests and BrokerOutageSystemTests; the lease nobody holds and the standby silo need
/// a second silo: their checks are provoked in Unit/Health.
/// </summary>
public class ReadinessTests(ITestOutputHelper output)
{
    private const string Key = "test-key";
    private readonly List<double> _answerMs = [];

    [Fact]
    public async Task Ready_turns_unhealthy_or_degraded_with_the_reason_and_back_for_each_condition()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0, ApiKey = Key, Source = FeedSourceKind.Synthetic, Tickers = 50, Rate = 1_000, FrameSize = 20,
        });
        await using var silo = await OperatorSiloHost.StartAsync(new()
        {
            ["Feed:Enabled"] = "true",
            ["Feed:Url"] = "ws://127.0.0.1:9/stocks",   // nothing listens there
            ["Feed:ApiKey"] = Key,
            ["Feed:MaxReconnects"] = "3",
            ["Feed:ReconnectDelayMin"] = "00:00:00.100",
            ["Feed:ReconnectDelayMax"] = "00:00:00.300",
            ["Feed:SubscriptionAckTimeout"] = "00:00:02",
            ["Feed:LeaseDuration"] = "00:00:03",
            ["Hydration:BaseUrl"] = sim.RestBaseUri.ToString(),
            ["Hydration:ApiKey"] = Key,
        });
        using var http = silo.Client();   // loopback: an operator without a password
        using var readiness = new ReadinessWatch(new Uri(silo.BaseUri, ServiceDefaultsExtensions.ReadyPath), output.WriteLine);
        var clock = Stopwatch.StartNew();

        // 1. The feed cannot be reached: the listener backs off, then gives up after Feed:MaxReconnects.
        var gaveUp = await readiness.UntilAsync(r => r.Status == "Unhealthy", "the listener given up", Polling.DefaultTimeout);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, gaveUp.Code);
        Assert.Contains(gaveUp.Reasons, r => r.StartsWith("feed-listener: listener Stopped", StringComparison.Ordinal));
        var url = await SendAsync(http, HttpMethod.Put, "/control/feed/url", new { url = sim.WebSocketUri.ToString() }, readiness.Log);
        Assert.Equal(HttpStatusCode.Accepted, url);
        await readiness.UntilAsync(r => r.Healthy && silo.Listener.State == nameof(ListenerState.Streaming), "healthy and streaming", Polling.DefaultTimeout);

        // 2. A subscription the feed never acknowledges (the simulator answers "invalid subscription").
        Assert.Equal(HttpStatusCode.Accepted, await SendAsync(http, HttpMethod.Put, "/control/feed/subscriptions", new[] { "T.*", "XX.*" }, readiness.Log));
        // While the acks of a new connection are awaited every subscription is listed; once T.* is acked, XX.* alone.
        var unacked = await readiness.UntilAsync(r => r.Reasons.Contains("feed-listener: subscriptions not acknowledged by the feed: XX.*"),
            "XX.* named unacknowledged", Polling.DefaultTimeout);
        Assert.Equal("Degraded", unacked.Status);
        Assert.Equal(HttpStatusCode.OK, unacked.Code);
        Assert.Equal(HttpStatusCode.Accepted, await SendAsync(http, HttpMethod.Put, "/control/feed/subscriptions", new[] { "T.*", "Q.*" }, readiness.Log));
        await readiness.UntilAsync(r => r.Healthy && silo.Listener.AcknowledgedSubscriptions.Length == 2, "healthy with both subscriptions acknowledged",
            Polling.DefaultTimeout);

        // 3. Data lost: failed publications and failed grain state writes (counted as the publishing stage and the
        //    storage count them), degraded for the minute that follows, healthy once it has passed.
        var metrics = silo.Services.GetRequiredService<MarketFeedMetrics>();
        metrics.PublishStarted();
        metrics.PublishFailed(7);
        silo.Services.GetRequiredService<StateWriteFailures>().Failed("ticker TEST", new IOException("injected write failure"));
        readiness.Log("counted 7 events failed to publish and 1 failed grain state write");
        var lost = await readiness.UntilAsync(r => r.Status == "Degraded" && r.Reasons.Count == 2, "degraded with both losses", Polling.DefaultTimeout);
        Assert.Contains(lost.Reasons, r => r.StartsWith("feed-loss: 7 events failed to publish", StringComparison.Ordinal));
        Assert.Contains(lost.Reasons, r => r == "grain-state: 1 grain state writes failed in the last minute");
        var lossSeen = clock.Elapsed;
        await readiness.UntilAsync(r => r.Healthy, "healthy once the minute passed", TimeSpan.FromSeconds(100));
        Assert.True(clock.Elapsed - lossSeen >= TimeSpan.FromSeconds(50), "the loss cleared before its minute passed");

        // Readiness and /health answer from cached state while the feed flows.
        for (var i = 0; i < 20; i++)
        {
            await TimedAsync(http, ServiceDefaultsExtensions.ReadyPath);
            await TimedAsync(http, "/health");
        }
        var sorted = _answerMs.Skip(3).Order().ToArray();   // the first answers include JIT compilation
        var p95 = sorted[(int)(sorted.Length * 0.95)];
        readiness.Log($"{sorted.Length} answers of /health/ready and /health: median {sorted[sorted.Length / 2]:0.0} ms, p95 {p95:0.0} ms, max {sorted[^1]:0.0} ms; "
            + $"listener {silo.Listener.State}, {silo.Listener.Counters.PublishedEvents} events published");
        Assert.True(p95 < 100, $"p95 {p95:0.0} ms");
    }

    private async Task TimedAsync(HttpClient http, string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path);
        await response.Content.ReadAsStringAsync();
        _answerMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient http, HttpMethod method, string path, object body, Action<string> log)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        log($"{method} {path} {JsonSerializer.Serialize(body)} -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode;
    }
}
