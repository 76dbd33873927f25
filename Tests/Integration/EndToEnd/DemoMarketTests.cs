using System.Diagnostics;
using System.Text.Json;
using Scanner.ScannerFeeds;
using Scanner.Tests.Support.Gateway;
using Scanner.Tests.Support.Launcher;
using Xunit.Abstractions;

namespace Scanner.Tests.Integration.EndToEnd;

/// <summary>
/// The default demo as processes (simulator with the replayed day and the synthetic universe, a silo, the gateway):
/// every ranking has rows and every alert kind appears within its first minutes. Set <c>SCANNER_DEMO_MINUTES</c> to
/// keep counting for that many minutes (how Simulator/README.md's alert counts were measured).
/// </summary>
public class DemoMarketTests(ITestOutputHelper output)
{
    private static readonly TimeSpan FirstMinutes = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_demo_fills_every_ranking_and_shows_every_alert_kind_within_its_first_minutes()
    {
        var observe = TimeSpan.FromMinutes(double.TryParse(Environment.GetEnvironmentVariable("SCANNER_DEMO_MINUTES"), out var m) ? m : 0);
        var alerts = new Dictionary<string, HashSet<string>>
        {
            ["new high"] = [], ["new low"] = [], ["halt"] = [], ["resume"] = [], ["momentum"] = [],
        };
        var rankings = new Dictionary<string, int>();
        var firstSeen = new Dictionary<string, TimeSpan>();
        await using var system = await TestSystem.StartDemoAsync(silos: 1);
        try
        {
            await using var client = await GatewayTestClient.LogInAndConnectAsync(system.GatewayUri, TestSystem.User, TestSystem.Password);
            foreach (var feed in ScannerFeedNames.Lists)
            {
                await client.SendAsync(new { action = "subscribe", feed });
            }
            var clock = Stopwatch.StartNew();
            using var deadline = new CancellationTokenSource(observe + FirstMinutes);
            while (!(clock.Elapsed >= observe && AllShown(alerts, rankings)))
            {
                var frame = await client.ReceiveAsync(Timeout.InfiniteTimeSpan, deadline.Token) ?? throw new InvalidOperationException("socket closed");
                if (frame.Str("feed") is not { } feed || !frame.TryGetProperty("data", out var data))
                {
                    continue;
                }
                if (feed.StartsWith("scanners:top_", StringComparison.Ordinal))
                {
                    rankings[feed] = data.GetArrayLength();
                    continue;
                }
                foreach (var alert in data.EnumerateArray())
                {
                    var kind = KindOf(feed, alert);
                    if (alerts[kind].Add($"{alert.GetProperty("symbol").GetString()}@{alert.GetProperty("timestamp").GetInt64()}"))
                    {
                        firstSeen.TryAdd(kind, clock.Elapsed);
                    }
                }
            }
            foreach (var (kind, seen) in alerts)
            {
                output.WriteLine($"{kind}: {seen.Count} in {clock.Elapsed:mm\\:ss} (first after {firstSeen[kind]:mm\\:ss})");
            }
            output.WriteLine(string.Join(", ", rankings.Select(r => $"{r.Key} {r.Value} rows")));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            var counts = string.Join(", ", alerts.Select(a => $"{a.Key} {a.Value.Count}").Concat(rankings.Select(r => $"{r.Key} {r.Value}")));
            throw new Xunit.Sdk.XunitException($"not every ranking and alert kind within {FirstMinutes}: {counts}\n{system.Logs()}");
        }
    }

    private static bool AllShown(Dictionary<string, HashSet<string>> alerts, Dictionary<string, int> rankings) =>
        alerts.Values.All(a => a.Count > 0)
        && ScannerFeedNames.Lists.Where(f => f.StartsWith("scanners:top_", StringComparison.Ordinal)).All(f => rankings.GetValueOrDefault(f) > 0);

    private static string KindOf(string feed, JsonElement alert) => feed switch
    {
        ScannerFeedNames.HighOfDayAlerts => "new high",
        ScannerFeedNames.LowOfDayAlerts => "new low",
        ScannerFeedNames.Halts => alert.GetProperty("status").GetString() == "halted" ? "halt" : "resume",
        _ => "momentum",
    };
}
