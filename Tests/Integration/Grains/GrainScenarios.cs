using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Scanner.ScannerFeeds;
using Scanner.MarketData;
using Scanner.Persistence;
using Scanner.Scanners;
using Scanner.Ticker;
using static Scanner.Tests.Integration.Grains.ScannerCluster;
using static Scanner.Tests.Integration.Grains.SyntheticEvents;

namespace Scanner.Tests.Integration.Grains;

/// <summary>Scenarios shared by the memory-storage and the Redis-storage grain tests.</summary>
internal static class GrainScenarios
{
    /// <summary>
    /// Tickers, shards and a scanner feed are deactivated mid-day; then the last trade is delivered again
    /// (at-least-once streams) followed by a new one: every grain resumes from storage (day figures, the sequences
    /// already seen, the hydrated reference data) and nothing is counted twice or loaded again.
    /// </summary>
    public static async Task DeactivatedGrainsResumeWithoutDoubleCounting(ScannerCluster c, string prefix)
    {
        var symbols = Enumerable.Range(0, 20).Select(i => $"{prefix}{i:00}").ToArray();
        List<MarketEvent> events = [.. symbols.SelectMany((s, i) => new MarketEvent[]
        {
            Bar(s, At(9, 0), 5, 1_000 * (i + 1)),
            Trade(s, At(9, 31) + 400, 5.01, sequence: 1),
            Trade(s, At(9, 31) + 500, 5.01, sequence: 2),
            Bar(s, At(9, 31), 5 + (i * 0.01), 2_000 * (i + 1), officialOpen: 4.9),
        })];
        await c.ProduceAsync(events);
        await Eventually(async () => (await Task.WhenAll(symbols.Select(c.Snapshot)))
            // Trades and bars come on separate streams: the 9:31 bar (the only one with an official open) is the last of its stream.
            .All(s => s.TradeCount == 2 && s.Row.OfficialOpenPrice == 4.9 && s.Reference is not null && s.Row.PrevDayClose > 0), "tickers processed and hydrated");
        var before = await Task.WhenAll(symbols.Select(c.Snapshot));
        var expectedOrder = symbols.Reverse().ToArray(); // accumulated volume grows with the index
        await Eventually(async () => ContainsInOrder(await c.FeedSymbols(ScannerFeedNames.TopVolume), expectedOrder), "top_volume lists them");

        foreach (var symbol in symbols)
        {
            await c.Cluster.DeactivateAsync(c.Client.GetGrain<ITickerGrain>(symbol));
        }
        foreach (var shard in Enumerable.Range(0, new ScannerOptions().ShardCount))
        {
            await c.Cluster.DeactivateAsync(c.Client.GetGrain<IRankingShardGrain>(shard));
        }
        await c.Cluster.DeactivateAsync(c.Client.GetGrain<IScannerFeedGrain>(ScannerFeedNames.TopVolume));

        // The rankings come back from the shards' storage while every ticker is deactivated (a deactivating ticker's
        // last report may still reach its shard through the silo's reporter within a tick: nothing newer).
        await Eventually(async () => ContainsInOrder(await c.FeedSymbols(ScannerFeedNames.TopVolume), expectedOrder), "top_volume restored", 30);

        await c.ProduceAsync(symbols.SelectMany(s => new[]
        {
            Trade(s, At(9, 31) + 500, 5.01, sequence: 2), // redelivered
            Trade(s, At(9, 32), 5.02, sequence: 3),
        }));
        await Eventually(async () => (await Task.WhenAll(symbols.Select(c.Snapshot))).All(s => s.LastTradeTime == At(9, 32)), "new trades applied");

        var after = await Task.WhenAll(symbols.Select(c.Snapshot));
        for (var i = 0; i < symbols.Length; i++)
        {
            Assert.Equal(3, after[i].TradeCount);
            Assert.Equal(1, c.Reference.Loads[symbols[i]]);
            Assert.Equal(before[i].Row.AccumulatedVolume, after[i].Row.AccumulatedVolume);
            Assert.Equal(before[i].Row.High, after[i].Row.High);
            Assert.Equal(before[i].Row.OfficialOpenPrice, after[i].Row.OfficialOpenPrice);
            Assert.Equal(before[i].Reference, after[i].Reference);
            Assert.Equal(5.02, after[i].Row.Close);
        }
        Assert.True(ContainsInOrder(await c.FeedSymbols(ScannerFeedNames.TopVolume), expectedOrder));
    }

    /// <summary>
    /// Storage loses a running ticker's record behind its back (a flushed or restored Redis): the grain's next
    /// write meets another etag, and instead of failing forever it rewrites its memory, which is the truth; the
    /// failure is counted for health, and a reactivated grain resumes from the rewritten state.
    /// </summary>
    public static async Task LostStateIsRewrittenFromMemory(ScannerCluster c, string symbol)
    {
        await c.ProduceAsync([Bar(symbol, At(9, 31), 5, 1_000), Trade(symbol, At(9, 31) + 500, 5.01, sequence: 1)]);
        var grainId = c.Client.GetGrain<ITickerGrain>(symbol).GetGrainId();
        await Eventually(async () => (await ReadTicker(c, grainId)).State?.TradeCount == 1, "the ticker's state was written");

        await Eventually(async () =>
        {
            // The grain may write again between the read and the delete (hydration marks it dirty): read again then.
            try
            {
                await Storage(c).ClearStateAsync("ticker", grainId, await ReadTicker(c, grainId));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }, "the record deleted behind the grain's back"); // the record is gone; the grain holds the old etag
        var failuresBefore = Failures(c).InLastMinute;

        await c.ProduceAsync([Trade(symbol, At(9, 32), 5.02, sequence: 2)]);
        await Eventually(async () => (await ReadTicker(c, grainId)) is { RecordExists: true, State.TradeCount: 2 },
            "the grain rewrote its state over the lost record");
        Assert.True(Failures(c).InLastMinute > failuresBefore);

        await c.ProduceAsync([Trade(symbol, At(9, 33), 5.03, sequence: 3)]);
        await Eventually(async () => (await ReadTicker(c, grainId)).State?.TradeCount == 3, "later writes go through");
        await c.Cluster.DeactivateAsync(c.Client.GetGrain<ITickerGrain>(symbol));
        var resumed = await c.Snapshot(symbol);
        Assert.Equal(3, resumed.TradeCount);
        Assert.Equal(5.03, resumed.Row.Close);
    }

    private static IGrainStorage Storage(ScannerCluster c) =>
        c.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>("scanner");

    private static StateWriteFailures Failures(ScannerCluster c) =>
        c.Cluster.Silos[0].ServiceProvider.GetRequiredService<StateWriteFailures>();

    private static async Task<GrainState<TickerDayState>> ReadTicker(ScannerCluster c, GrainId grainId)
    {
        var state = new GrainState<TickerDayState>();
        await Storage(c).ReadStateAsync("ticker", grainId, state);
        return state;
    }

    /// <summary>True when <paramref name="expected"/> all appear in <paramref name="list"/>, in this relative order.</summary>
    public static bool ContainsInOrder(IReadOnlyList<string> list, IReadOnlyList<string> expected)
    {
        var filtered = list.Where(expected.Contains).ToList();
        return filtered.SequenceEqual(expected);
    }
}
