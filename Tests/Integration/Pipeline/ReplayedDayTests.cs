using System.Text.Json;
using Scanner.ScannerFeeds;
using Scanner.Scanners;
using Scanner.Silo.Hosting;
using Scanner.Simulator;
using Scanner.Simulator.Hosting;
using Scanner.Tests.Integration.Infrastructure;
using Scanner.Ticker;
using Scanner.ServiceDefaults.Configuration;

namespace Scanner.Tests.Integration.Pipeline;

/// <summary>
/// The real trading day through the whole pipeline: simulator -> listener -> RabbitMQ streams -> ticker grains
/// (state in Redis) -> rankings, with every figure checked against the raw CSV, and every minute candle of
/// <c>chart:{SYM}</c> against the raw trades of that minute.
/// </summary>
public class ReplayedDayTests
{
    private static readonly DateOnly Day = SimulatorOptions.SampleDay;

    [Fact]
    public async Task Every_symbol_matches_the_raw_data_and_survives_deactivation()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            ApiKey = "pipeline-key", Speed = 0, Start = new TimeOnly(4, 0), FrameSize = 50,
        });
        var leanRoot = sim.Options.ResolveDataFolder();
        var expected = Directory.GetFiles(Path.Combine(leanRoot, "tick"), $"*_{Day:yyyyMMdd}_trade.zip")
            .Select(f => Path.GetFileName(f).Split('_')[0].ToUpperInvariant())
            .Select(s => LeanDayFigures.Compute(leanRoot, s, Day))
            .ToList();
        Assert.Equal(4, expected.Count);

        var host = new ScannerHostOptions
        {
            Infrastructure = ScannerInfrastructure.Real,
            QueuePrefix = $"replay-{Guid.NewGuid():N}",
            QueueCount = 4,
            // A replay at full speed outruns real time: no message may expire on the way.
            MessageTtl = TimeSpan.Zero,
        };
        await using var cluster = await ScannerSiloCluster.StartAsync(
            sim.WebSocketUri, sim.RestBaseUri, "pipeline-key", host,
            s =>
            {
                s["Feed:Subscriptions:0"] = "T.*";
                s["Feed:Subscriptions:1"] = "A.*";
                s["Feed:Subscriptions:2"] = "AM.*";
                s["Feed:MaxFrameAge"] = "00:00:00"; // as the message TTL above: a full-speed replay is old on arrival
            },
            infrastructure: new InfrastructureOptions { Redis = TestInfrastructure.Redis, RabbitMq = TestInfrastructure.RabbitMq });

        var grains = expected.ToDictionary(e => e.Symbol, e => cluster.Client.GetGrain<ITickerGrain>(e.Symbol));
        await WaitForAsync(async () =>
        {
            foreach (var e in expected)
            {
                var row = (await grains[e.Symbol].GetSnapshot()).Row;
                if (row.AccumulatedVolume != e.Volume || row.Close != e.Last || row.RelativeVolume == 0)
                {
                    return $"{e.Symbol}: volume {row.AccumulatedVolume}/{e.Volume}, close {row.Close}/{e.Last}, rvol {row.RelativeVolume}; listener {JsonSerializer.Serialize(cluster.Listener.Counters)}";
                }
            }
            return null;
        }, TimeSpan.FromMinutes(6));
        // A shed frame loses bars while later ones still carry the day's volume: say so before comparing figures.
        AssertNothingLost(cluster);

        foreach (var e in expected)
        {
            var snapshot = await grains[e.Symbol].GetSnapshot();
            AssertMatches(e, snapshot);
            await AssertChartMatchesAsync(grains[e.Symbol], LeanMinuteBar.Compute(leanRoot, e.Symbol, Day));
        }

        var topVolume = await WaitForFeedAsync(cluster, ScannerFeedNames.TopVolume, rows => rows.Count == expected.Count);
        Assert.Equal(expected.OrderByDescending(e => e.Volume).Select(e => e.Symbol), topVolume.Select(r => r.GetProperty("symbol").GetString()));
        Assert.Equal([1, 2, 3, 4], topVolume.Select(r => r.GetProperty("rank").GetInt32()));

        // State comes back from Redis after deactivation, and nothing is counted twice.
        foreach (var grain in grains.Values)
        {
            await cluster.Cluster.DeactivateAsync(grain);
        }
        foreach (var e in expected)
        {
            AssertMatches(e, await grains[e.Symbol].GetSnapshot());
            await AssertChartMatchesAsync(grains[e.Symbol], LeanMinuteBar.Compute(leanRoot, e.Symbol, Day));
        }
        AssertNothingLost(cluster);
    }

    private static void AssertNothingLost(ScannerSiloCluster cluster)
    {
        Assert.Equal(0, cluster.Listener.Counters.PublishFailedEvents);
        Assert.Equal(0, cluster.Listener.Counters.DroppedFrames);
        Assert.Equal(0, cluster.Listener.Counters.ExpiredFrames);
    }

    private static void AssertMatches(LeanDayFigures e, TickerSnapshot snapshot)
    {
        var row = snapshot.Row;
        Assert.Equal(e.Symbol, row.Symbol);
        Assert.Equal(e.Volume, row.AccumulatedVolume);
        Assert.Equal(e.High, row.High, 6);
        Assert.Equal(e.Low, row.Low, 6);
        Assert.Equal(e.Last, row.Close, 6);
        Assert.Equal(e.Vwap, row.AggregateVwap, tolerance: 0.001); // the feed carries VWAP to 4 decimals
        Assert.Equal(e.PreviousClose, row.PrevDayClose, 6);
        Assert.Equal(e.Change, row.Change, 6);
        Assert.Equal(e.Change / e.PreviousClose * 100, row.PctChange, 6);
        Assert.Equal(e.AverageVolume, row.AvgVolume, 0);
        Assert.Equal(e.RelativeVolume, row.RelativeVolume, 6);
    }

    /// <summary>Every candle equals its minute's raw trades (OHLCV exactly), and its VWAP the day's up to its end.</summary>
    private static async Task AssertChartMatchesAsync(ITickerGrain grain, List<LeanMinuteBar> expected)
    {
        var feed = ScannerFeedNames.Chart(grain.GetPrimaryKeyString());
        var volume = expected.Sum(b => b.Volume);
        List<JsonElement> bars = [];
        // Trades come on their own stream, which may still be behind the bars the wait above was on.
        await WaitForAsync(async () =>
        {
            using var chart = JsonDocument.Parse((await grain.GetFeed(feed))!.Payload);
            bars = [.. chart.RootElement.GetProperty("bars").EnumerateArray().Select(b => b.Clone())];
            var charted = bars.Sum(b => b.GetProperty("v").GetInt64());
            return charted == volume ? null : $"{feed} holds volume {charted} of {volume}";
        }, TimeSpan.FromMinutes(2));

        Assert.Equal(expected.Count, bars.Count);
        double notional = 0;
        long dayVolume = 0;
        foreach (var (want, got) in expected.Zip(bars))
        {
            notional += want.Notional;
            dayVolume += want.Volume;
            Assert.Equal(want.Start, got.GetProperty("t").GetInt64());
            Assert.Equal(
                (want.Open, want.High, want.Low, want.Close, want.Volume),
                (got.GetProperty("o").GetDouble(), got.GetProperty("h").GetDouble(), got.GetProperty("l").GetDouble(), got.GetProperty("c").GetDouble(), got.GetProperty("v").GetInt64()));
            Assert.Equal(notional / dayVolume, got.GetProperty("vw").GetDouble(), tolerance: 0.00006); // written to 4 decimals
        }
    }

    private static async Task<List<JsonElement>> WaitForFeedAsync(ScannerSiloCluster cluster, string feed, Func<List<JsonElement>, bool> done)
    {
        List<JsonElement> rows = [];
        await WaitForAsync(async () =>
        {
            var update = await cluster.Client.GetGrain<IScannerFeedGrain>(feed).GetFeed(feed);
            rows = update is null ? [] : [.. JsonDocument.Parse(update.Payload).RootElement.EnumerateArray()];
            return done(rows) ? null : $"{feed} has {rows.Count} rows";
        }, TimeSpan.FromSeconds(30));
        return rows;
    }

    /// <summary>Polls <paramref name="check"/> (null = done, otherwise what is still missing) until the timeout.</summary>
    private static Task WaitForAsync(Func<Task<string?>> check, TimeSpan timeout)
    {
        string? missing = null;
        return Polling.UntilAsync(async () => (missing = await check()) is null, () => missing ?? "", timeout);
    }
}
