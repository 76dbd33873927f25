using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Scanner.ScannerFeeds;
using Scanner.Scanners;
using Scanner.Ticker;
using static Scanner.Tests.Integration.Grains.ScannerCluster;
using static Scanner.Tests.Integration.Grains.SyntheticEvents;

namespace Scanner.Tests.Integration.Grains;

/// <summary>
/// A watched <c>quote:{SYM}</c> across a silo loss (issue 11). Own cluster: its write-behind never runs on the timer,
/// so storage holds only what was written before a deactivation or through a publication.
/// </summary>
[Collection(nameof(ScannerGrainTests))]
public sealed class QuoteFailoverGrainTests : IAsyncLifetime
{
    private const string Sym = "LOST";
    private static readonly string QuoteFeed = ScannerFeedNames.Quote(Sym);
    private ScannerCluster _c = null!;

    public async Task InitializeAsync() =>
        _c = await StartAsync(
            silo => silo.AddMemoryGrainStorage("scanner"),
            silo => silo.Services.Configure<ScannerOptions>(o => o.PersistInterval = TimeSpan.FromHours(1)));

    public async Task DisposeAsync() => await _c.DisposeAsync();

    [Fact]
    public async Task A_reactivated_ticker_never_shows_an_older_quote_than_it_published_while_its_shard_lost_the_row_too()
    {
        var ticker = _c.Client.GetGrain<ITickerGrain>(Sym);
        var shard = _c.Client.GetGrain<IRankingShardGrain>(RankingShards.ShardOf(Sym, new ScannerOptions().ShardCount));
        await _c.ProduceAsync([Bar(Sym, At(9, 30), 5, 10_000, officialOpen: 5)]);
        await Eventually(async () => (await shard.GetRow(Sym))?.AccumulatedVolume == 10_000, "the shard holds the first row");
        var staleRow = (await shard.GetRow(Sym))!;
        await _c.Cluster.DeactivateAsync(ticker); // stores the first row's state
        await _c.ProduceAsync([Bar(Sym, At(9, 31), 5, 20_000)]);
        await Eventually(() => Task.FromResult(PublishedVolumes().LastOrDefault() == 20_000), "the second quote published");

        // The silo dies now: the ticker comes back from what storage holds at this moment, the shard from an older write.
        var storage = _c.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>("scanner");
        var tickerAtLoss = new GrainState<TickerDayState>();
        await storage.ReadStateAsync("ticker", ticker.GetGrainId(), tickerAtLoss);
        await _c.Cluster.DeactivateAsync(ticker);
        await _c.Cluster.DeactivateAsync(shard);
        await Restore(storage, "ticker", ticker.GetGrainId(), tickerAtLoss.State);
        var shardState = new GrainState<RankingShardState>();
        await storage.ReadStateAsync("shard", shard.GetGrainId(), shardState);
        shardState.State!.Rows[Sym] = staleRow;
        await storage.WriteStateAsync("shard", shard.GetGrainId(), shardState);

        var current = await ticker.GetFeed(QuoteFeed); // what a gateway reads when it resubscribes
        Assert.NotNull(current);
        Assert.Equal(20_000, Volume(current));
        await _c.ProduceAsync([Bar(Sym, At(9, 32), 5, 30_000)]);
        await Eventually(() => Task.FromResult(PublishedVolumes().LastOrDefault() == 30_000), "the third quote published");

        var volumes = PublishedVolumes();
        Assert.Equal(volumes.Order(), volumes);
    }

    /// <summary>Writes <paramref name="state"/> over whatever the deactivation stored (its etag read first).</summary>
    private static async Task Restore<TState>(IGrainStorage storage, string name, GrainId id, TState state)
    {
        var stored = new GrainState<TState>();
        await storage.ReadStateAsync(name, id, stored);
        stored.State = state;
        await storage.WriteStateAsync(name, id, stored);
    }

    private static long Volume(ScannerFeedUpdate quote)
    {
        using var json = JsonDocument.Parse(quote.Payload);
        return json.RootElement.GetProperty("accumulated_volume").GetInt64();
    }

    /// <summary>The accumulated volume of each <c>quote:{SYM}</c> publication, in order.</summary>
    private List<long> PublishedVolumes() => [.. _c.Publisher.Of(QuoteFeed).Select(Volume)];
}
