using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Scanner.ScannerFeeds;
using Scanner.MarketData;
using Scanner.Scanners;
using Scanner.Ticker;
using static Scanner.Tests.Integration.Grains.ScannerCluster;
using static Scanner.Tests.Integration.Grains.SyntheticEvents;

namespace Scanner.Tests.Integration.Grains;

/// <summary>The ticker, ranking and scanner grains on memory streams and memory storage (no infrastructure needed).</summary>
[Collection(nameof(ScannerGrainTests))]
public sealed class ScannerGrainTests : IAsyncLifetime
{
    private ScannerCluster _c = null!;

    public async Task InitializeAsync() =>
        _c = await StartAsync(silo => silo.AddMemoryGrainStorage("scanner"));

    public async Task DisposeAsync() => await _c.DisposeAsync();

    [Fact]
    public async Task Events_flow_from_the_streams_to_the_ticker_and_every_feed()
    {
        const string sym = "FLOW";
        await _c.ProduceAsync(
        [
            Bar(sym, At(8, 0), 4.0, 10_000, high: 4.05, low: 3.95),
            Bar(sym, At(8, 1), 4.2, 20_000, high: 4.25, low: 4.0),
            Bar(sym, At(9, 30), 4.5, 50_000, officialOpen: 4.4, high: 4.6, low: 4.4),
            Trade(sym, At(9, 31), 4.55, sequence: 1),
            new Quote(sym, At(9, 31), At(9, 31), 1, 4.54, 100, 2, 4.56, 200, 0, ConditionCodes.Empty, 1, 3),
            Luld(sym, At(9, 40), 1, LuldIndicators.Halt),
        ]);

        await Eventually(async () => (await _c.Snapshot(sym)) is { TradeCount: 1, IsHalted: true, Reference: not null, BidPrice: 4.54, Row.AccumulatedVolume: 50_000 },
            "the ticker applied every kind of event");
        var snapshot = await _c.Snapshot(sym);
        var reference = FakeReferenceData.For(sym, Monday);
        Assert.Equal(50_000, snapshot.Row.AccumulatedVolume);
        Assert.Equal(4.55, snapshot.Row.Close);
        Assert.Equal(4.4, snapshot.Row.OfficialOpenPrice);
        Assert.Equal(50_000 / reference.AvgVolume, snapshot.Row.RelativeVolume, 10);
        Assert.Equal((4.55 - reference.PrevClose) / reference.PrevClose * 100, snapshot.Row.PctChange, 10);
        Assert.Equal(new SessionRange(4.25, 3.95), snapshot.PreMarket);

        await Eventually(async () => (await _c.FeedSymbols(ScannerFeedNames.TopVolume)).Contains(sym), "top_volume lists the symbol");
        await Eventually(async () => (await _c.FeedSymbols(ScannerFeedNames.HighOfDayAlerts)).Contains(sym), "a pre-market high alert");
        await Eventually(async () => (await _c.FeedSymbols(ScannerFeedNames.Halts)).Contains(sym), "a halt alert");
        await Eventually(() => Task.FromResult(_c.Publisher.Of(ScannerFeedNames.TopVolume).Any()), "top_volume published");
        await Eventually(() => Task.FromResult(_c.Publisher.Of(ScannerFeedNames.Quote(sym)).Any()), "quote published");
        await Eventually(() => Task.FromResult(_c.Publisher.Of(ScannerFeedNames.DailyRange(sym)).Any()), "daily range published");
        var rankings = _c.Publisher.Of(ScannerFeedNames.TopVolume).ToList();
        Assert.All(rankings.Zip(rankings.Skip(1)), pair =>
        {
            Assert.True(pair.Second.Version > pair.First.Version);
            Assert.False(pair.First.Payload.AsSpan().SequenceEqual(pair.Second.Payload)); // only changes are published
        });

        var quote = await _c.Client.GetGrain<ITickerGrain>(sym).GetFeed(ScannerFeedNames.Quote(sym));
        using var json = JsonDocument.Parse(quote!.Payload);
        Assert.Equal(sym, json.RootElement.GetProperty("symbol").GetString());
        Assert.Equal(50_000, json.RootElement.GetProperty("accumulated_volume").GetInt64());
        var range = await ScannerFeedSources.Resolve(_c.Client, ScannerFeedNames.DailyRange(sym))!.GetFeed(ScannerFeedNames.DailyRange(sym));
        using var rangeJson = JsonDocument.Parse(range!.Payload);
        Assert.Equal(4.25, rangeJson.RootElement.GetProperty("pre_market_high").GetDouble());
        Assert.Null(await _c.Client.GetGrain<ITickerGrain>(sym).GetFeed("quote:OTHER"));
    }

    [Fact]
    public async Task Rankings_equal_a_brute_force_ranking_of_two_thousand_tickers()
    {
        var random = new Random(2013);
        var symbols = Enumerable.Range(0, 2000).Select(i => $"R{i:0000}").ToArray();
        var volume = symbols.ToDictionary(s => s, _ => (long)random.Next(1_000, 5_000_000));
        var events = new List<MarketEvent>();
        foreach (var s in symbols)
        {
            var prevClose = FakeReferenceData.For(s, Monday).PrevClose;
            var open = Math.Round(prevClose * (0.8 + (random.NextDouble() * 0.4)), 2);
            events.Add(Bar(s, At(8, 0), Math.Round(prevClose * 1.01, 2), volume[s] / 10));
            events.Add(Bar(s, At(9, 30), open, volume[s] / 2, officialOpen: open));
            events.Add(Bar(s, At(10, 0), Math.Round(open * (0.7 + (random.NextDouble() * 0.6)), 2), volume[s], officialOpen: open));
        }
        await _c.ProduceAsync(events);
        await EventuallyRankingsMatchBruteForce(symbols, s => volume[s]);

        // Second round: a tenth of the symbols trade heavily and move; some enter and others fall out of the top 500.
        events.Clear();
        foreach (var s in symbols.Where((_, i) => i % 10 == 3))
        {
            volume[s] += random.Next(1_000_000, 6_000_000);
            events.Add(Bar(s, At(11, 0), Math.Round(FakeReferenceData.For(s, Monday).PrevClose * (0.5 + random.NextDouble()), 2), volume[s]));
        }
        await _c.ProduceAsync(events);
        await EventuallyRankingsMatchBruteForce(symbols, s => volume[s]);
    }

    private async Task EventuallyRankingsMatchBruteForce(string[] symbols, Func<string, long> expectedVolume)
    {
        await Eventually(async () =>
        {
            var snapshots = await Task.WhenAll(symbols.Select(_c.Snapshot));
            return snapshots.All(s => s.Reference is not null && s.Row.AccumulatedVolume == expectedVolume(s.Row.Symbol));
        }, "every ticker processed its events and was hydrated", 120);

        foreach (var scanner in RankingScanner.All)
        {
            byte[] expected = [];
            await Eventually(async () =>
            {
                // Every symbol the shards hold (other tests' symbols included), ranked from the grains' own snapshots.
                var shardRows = await Task.WhenAll(Enumerable.Range(0, new ScannerOptions().ShardCount)
                    .Select(i => _c.Client.GetGrain<IRankingShardGrain>(i).GetRows()));
                var all = shardRows.SelectMany(r => r).Select(r => r.Symbol).ToArray();
                var rows = (await Task.WhenAll(all.Select(_c.Snapshot))).Select(s => s.Row);
                expected = ScannerRowJson.ToArray(TopK.Select(rows, scanner));
                var actual = await _c.Client.GetGrain<IScannerFeedGrain>(scanner.Feed).GetFeed(scanner.Feed);
                return actual is not null && actual.Payload.AsSpan().SequenceEqual(expected);
            }, $"{scanner.Feed} equals the brute-force ranking", 60);
            using var json = JsonDocument.Parse(expected);
            Assert.Equal(RankingScanner.Size, json.RootElement.GetArrayLength());
        }
    }

    [Fact]
    public async Task A_shard_keeps_the_newest_row_when_reports_of_a_moved_grain_arrive_out_of_order()
    {
        const string sym = "MOVED";
        var shard = _c.Client.GetGrain<IRankingShardGrain>(RankingShards.ShardOf(sym, new ScannerOptions().ShardCount));
        var day = (await _c.Client.GetGrain<IRankingShardGrain>(0).GetRows()).Select(r => r.TradingDay).DefaultIfEmpty(20131007).Max();
        ScannerRow Row(long volume) => new(sym, day, 10, 0, volume, 0, 5, 5, 5, 5, 5, 5, 5, 50, 1000, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 0, 0, 0, 0, 0);

        await shard.Report([new ShardReport(Row(2_000), [], Version: 20)]);
        await shard.Report([new ShardReport(Row(1_000), [], Version: 10)]); // late, from the silo the grain left

        Assert.Equal(2_000, (await shard.GetRows()).Single(r => r.Symbol == sym).AccumulatedVolume);
    }

    [Fact]
    public async Task Deactivated_grains_resume_from_storage_without_double_counting() =>
        await GrainScenarios.DeactivatedGrainsResumeWithoutDoubleCounting(_c, "MEM");

    [Fact]
    public async Task A_ticker_rewrites_state_that_storage_lost() =>
        await GrainScenarios.LostStateIsRewrittenFromMemory(_c, "LOSTM");

    [Fact]
    public async Task A_failing_hydration_never_holds_up_the_stream_and_is_retried()
    {
        const string sym = "NOREF";
        _c.Reference.FailuresLeft[sym] = int.MaxValue;
        await _c.ProduceAsync([Bar(sym, At(9, 45), 3.3, 77_000, officialOpen: 3.0)]);

        await Eventually(async () => (await _c.Snapshot(sym)).Row.AccumulatedVolume == 77_000, "the bar was applied");
        await Eventually(() => Task.FromResult(_c.Reference.Loads.GetValueOrDefault(sym) >= 3), "hydration retried");
        var unhydrated = await _c.Snapshot(sym);
        Assert.Null(unhydrated.Reference);
        Assert.Equal(0, unhydrated.Row.PctChange);
        Assert.Equal(10, unhydrated.Row.PctChangeSinceOpen, 10);

        _c.Reference.FailuresLeft[sym] = 0;
        await Eventually(async () => (await _c.Snapshot(sym)).Reference is not null, "hydration succeeded later", 30);
        var prevClose = FakeReferenceData.For(sym, Monday).PrevClose;
        Assert.Equal((3.3 - prevClose) / prevClose * 100, (await _c.Snapshot(sym)).Row.PctChange, 10);
        await Eventually(async () => (await _c.FeedSymbols(ScannerFeedNames.TopGappers)).Contains(sym), "the hydrated row reached the rankings");
    }

    [Fact]
    public async Task A_reactivated_ranking_feed_never_publishes_older_rows_while_its_shard_serves_stale_ones()
    {
        const string sym = "SHOWN";
        var shard = _c.Client.GetGrain<IRankingShardGrain>(RankingShards.ShardOf(sym, new ScannerOptions().ShardCount));
        await _c.ProduceAsync([Bar(sym, At(9, 30), 5, 10_000, officialOpen: 5)]);
        await Eventually(async () => (await shard.GetRow(sym))?.AccumulatedVolume == 10_000, "the shard holds the first row");
        var stale = (await shard.GetRow(sym))!;
        await _c.ProduceAsync([Bar(sym, At(9, 31), 5, 20_000)]);
        await Eventually(() => Task.FromResult(PublishedVolumes(sym).LastOrDefault() == 20_000), "top_volume published the second row");

        // A killed silo held both: the shard comes back from an older write, the feed grain from nothing in memory.
        await _c.Cluster.DeactivateAsync(shard);
        var storage = _c.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>("scanner");
        var stored = new GrainState<RankingShardState>();
        await storage.ReadStateAsync("shard", shard.GetGrainId(), stored);
        stored.State!.Rows[sym] = stale;
        await storage.WriteStateAsync("shard", shard.GetGrainId(), stored);
        await _c.Cluster.DeactivateAsync(_c.Client.GetGrain<IScannerFeedGrain>(ScannerFeedNames.TopVolume));

        Assert.Contains(sym, await _c.FeedSymbols(ScannerFeedNames.TopVolume)); // reactivates the feed grain
        Assert.Equal(10_000, (await shard.GetRow(sym))!.AccumulatedVolume);
        await _c.ProduceAsync([Bar(sym, At(9, 32), 5, 30_000)]);
        await Eventually(() => Task.FromResult(PublishedVolumes(sym).LastOrDefault() == 30_000), "top_volume published the third row");

        var volumes = PublishedVolumes(sym);
        Assert.Equal(volumes.Order(), volumes);
    }

    /// <summary>The symbol's accumulated volume in each <c>top_volume</c> publication that listed it, in order.</summary>
    private List<long> PublishedVolumes(string symbol) =>
    [
        .. _c.Publisher.Of(ScannerFeedNames.TopVolume).SelectMany(update =>
        {
            using var json = JsonDocument.Parse(update.Payload);
            return json.RootElement.EnumerateArray()
                .Where(row => row.GetProperty("symbol").GetString() == symbol)
                .Select(row => row.GetProperty("accumulated_volume").GetInt64())
                .ToList();
        }),
    ];
}
