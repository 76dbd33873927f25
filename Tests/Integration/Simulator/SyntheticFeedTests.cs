using System.Diagnostics;
using System.Globalization;
using Scanner.Simulator;
using Scanner.Simulator.Hosting;

namespace Scanner.Tests.Integration.Simulator;

/// <summary>The synthetic source over a real WebSocket: the asked rate, and slow clients that do not hold anyone up.</summary>
public class SyntheticFeedTests
{
    private const string Key = "synthetic-key";

    /// <summary>The rate under test; SCANNER_SIM_RATE overrides it for a manual throughput run.</summary>
    private static readonly double Rate = double.TryParse(Environment.GetEnvironmentVariable("SCANNER_SIM_RATE"), CultureInfo.InvariantCulture, out var rate) ? rate : 20_000;

    [Fact]
    public async Task Delivers_the_asked_event_rate_within_ten_percent()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            ApiKey = Key, Source = FeedSourceKind.Synthetic, Rate = Rate, Tickers = 5_000, QueueCapacity = 1_000_000,
        });
        await using var client = await FeedTestClient.ConnectAndAuthenticateAsync(sim.WebSocketUri, Key);
        await client.SendAsync(new { action = "subscribe", @params = "T.*,Q.*,A.*,LULD.*" });
        for (var i = 0; i < 4; i++)
        {
            await client.ReceiveStatusAsync();
        }

        // Count the events stamped within five seconds of market time (after a one second warm-up). The synthetic
        // clock runs in real time, so this is the source's rate as the client sees it, whether or not the client
        // keeps up while counting.
        var kinds = new HashSet<string>();
        long? from = null;
        long received = 0;
        var window = TimeSpan.FromSeconds(5).TotalMilliseconds;
        var done = false;
        while (!done)
        {
            foreach (var e in (await client.ReceiveFrameAsync())!.Value.EnumerateArray())
            {
                var ev = e.GetProperty("ev").GetString()!;
                kinds.Add(ev);
                var time = ev switch
                {
                    "A" => e.GetProperty("e").GetInt64(),
                    "LULD" => e.GetProperty("t").GetInt64() / 1_000_000,
                    _ => e.GetProperty("t").GetInt64(),
                };
                from ??= time + 1_000;
                if (time >= from && time < from + window)
                {
                    received++;
                }
                done |= time >= from + window + 1_000;
            }
        }
        var measured = received / TimeSpan.FromMilliseconds(window).TotalSeconds;

        Assert.InRange(measured, Rate * 0.9, Rate * 1.1);
        Assert.Superset(new HashSet<string> { "A", "Q", "T" }, kinds);
        Assert.Subset(new HashSet<string> { "A", "LULD", "Q", "T" }, kinds);
        Assert.Equal(0, sim.Stats.EventsDropped);
    }

    [Fact]
    public async Task A_client_that_does_not_read_gets_its_drops_counted_while_another_keeps_receiving()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            ApiKey = Key, Source = FeedSourceKind.Synthetic, Rate = 20_000, Tickers = 500, QueueCapacity = 1_000, MaxConnectionsPerKey = 2,
        });
        await using var slow = await FeedTestClient.ConnectAndAuthenticateAsync(sim.WebSocketUri, Key);
        await slow.SendAsync(new { action = "subscribe", @params = "T.*,Q.*,A.*" });
        await using var fast = await FeedTestClient.ConnectAndAuthenticateAsync(sim.WebSocketUri, Key);
        await fast.SendAsync(new { action = "subscribe", @params = "T.*,Q.*,A.*" });
        for (var i = 0; i < 3; i++)
        {
            await fast.ReceiveStatusAsync();
        }

        // Only the fast client reads; the slow one's socket buffers fill, then its queue, then it drops.
        long receivedAfterDrops = 0;
        var deadline = Stopwatch.StartNew();
        while (receivedAfterDrops < 5_000 && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            var frame = (await fast.ReceiveFrameAsync())!.Value;
            if (sim.Stats.EventsDropped > 0)
            {
                receivedAfterDrops += frame.GetArrayLength();
            }
        }

        var stats = sim.Stats;
        var slowClient = stats.Clients[0];
        Assert.True(receivedAfterDrops >= 5_000, "the reading client must keep receiving while the other one drops");
        Assert.True(slowClient.EventsDropped > 0, "the slow client's queue should have overflowed");
        // A batch is admitted only while it fits; a rejected one is counted for a moment before it is taken back.
        Assert.InRange(slowClient.EventsQueued, 0, 1_000 + 4_096);
        Assert.True(stats.Clients.Sum(c => c.EventsDropped) >= stats.EventsDropped);
    }
}
