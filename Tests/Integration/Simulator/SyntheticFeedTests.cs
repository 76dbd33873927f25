using System.Diagnostics;
using Scanner.Simulator;
using Scanner.Simulator.Hosting;

namespace Scanner.Tests.Integration.Simulator;

/// <summary>The synthetic source over a real WebSocket: the asked rate, and slow clients that do not hold anyone up.</summary>
public class SyntheticFeedTests
{
    private const string Key = "synthetic-key";

    /// <summary>
    /// What holds at any machine speed: the synthetic source sends every kind, trades and quotes in market-time order, and drops
    /// nothing for a client that reads. The rate it reaches is a benchmark figure, not a test: `scripts/bench.sh
    /// listener --rate 20000` reports the simulator's sent events/s; its pacing schedule is RatePacerTests' (a driven
    /// clock).
    /// </summary>
    [Fact]
    public async Task Sends_every_kind_trades_and_quotes_in_time_order_and_drops_nothing_for_a_reading_client()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            ApiKey = Key, Source = FeedSourceKind.Synthetic, Rate = 20_000, Tickers = 5_000, QueueCapacity = 1_000_000,
        });
        await using var client = await MarketFeedTestClient.ConnectAndAuthenticateAsync(sim.WebSocketUri, Key);
        await client.SendAsync(new { action = "subscribe", @params = "T.*,Q.*,A.*,LULD.*" });
        for (var i = 0; i < 4; i++)
        {
            await client.ReceiveStatusAsync();
        }

        // Read until two seconds of market time have gone by (the synthetic clock runs in real time).
        var latest = new Dictionary<string, long>();
        long received = 0;
        long? first = null;
        while (first is null || latest.Values.Max() < first + 2_000)
        {
            foreach (var e in (await client.ReceiveFrameAsync())!.Value.EnumerateArray())
            {
                var ev = e.GetProperty("ev").GetString()!;
                var time = ev switch
                {
                    "A" => e.GetProperty("e").GetInt64(),
                    "LULD" => e.GetProperty("t").GetInt64() / 1_000_000,
                    _ => e.GetProperty("t").GetInt64(),
                };
                first ??= time;
                // Trades and quotes carry the clock's time when sent; a bar carries its own end.
                if (ev is "T" or "Q")
                {
                    Assert.True(time >= latest.GetValueOrDefault(ev), $"{ev} at {time} after one at {latest.GetValueOrDefault(ev)}");
                }
                latest[ev] = Math.Max(time, latest.GetValueOrDefault(ev));
                received++;
            }
        }

        Assert.True(received > 0);
        Assert.Superset(new HashSet<string> { "A", "Q", "T" }, latest.Keys.ToHashSet());
        Assert.Subset(new HashSet<string> { "A", "LULD", "Q", "T" }, latest.Keys.ToHashSet());
        Assert.Equal(0, sim.Stats.EventsDropped);
    }

    [Fact]
    public async Task A_client_that_does_not_read_gets_its_drops_counted_while_another_keeps_receiving()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            ApiKey = Key, Source = FeedSourceKind.Synthetic, Rate = 20_000, Tickers = 500, QueueCapacity = 1_000, MaxConnectionsPerKey = 2,
        });
        await using var slow = await MarketFeedTestClient.ConnectAndAuthenticateAsync(sim.WebSocketUri, Key);
        await slow.SendAsync(new { action = "subscribe", @params = "T.*,Q.*,A.*" });
        await using var fast = await MarketFeedTestClient.ConnectAndAuthenticateAsync(sim.WebSocketUri, Key);
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
