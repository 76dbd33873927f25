using System.Text.Json;
using Orleans.Hosting;
using Scanner.MarketData;
using Scanner.ScannerFeeds;
using Scanner.Ticker;
using static Scanner.Tests.Integration.Grains.ScannerCluster;
using static Scanner.Tests.Integration.Grains.SyntheticEvents;

namespace Scanner.Tests.Integration.Grains;

/// <summary>The ticker grain's <c>chart:{SYM}</c> and <c>trades:{SYM}</c>: built from its streams, published only while watched.</summary>
[Collection(nameof(ScannerGrainTests))]
public sealed class PageFeedGrainTests : IAsyncLifetime
{
    private const string Sym = "PAGE";
    private static readonly string ChartFeed = ScannerFeedNames.Chart(Sym), TradesFeed = ScannerFeedNames.Trades(Sym);
    private ScannerCluster _c = null!;

    public async Task InitializeAsync() =>
        _c = await StartAsync(silo => silo.AddMemoryGrainStorage("scanner"));

    public async Task DisposeAsync() => await _c.DisposeAsync();

    private static bool IsPageFeed(string feed) => feed == ChartFeed || feed == TradesFeed;

    private static Quote Nbbo(long time, double bid, double ask) =>
        new(Sym, time, time, 1, bid, 100, 2, ask, 100, 0, ConditionCodes.Empty, 1, 3);

    private Task AppliedTrades(long count) =>
        Eventually(async () => (await _c.Snapshot(Sym)).TradeCount == count, $"{count} trades applied");

    [Fact]
    public async Task Chart_and_trades_are_published_only_while_watched()
    {
        _c.Publisher.Wanted = feed => !IsPageFeed(feed);
        await _c.ProduceAsync([Nbbo(At(9, 31), 10.00, 10.02)]);
        await _c.ProduceAsync([Trade(Sym, At(9, 31, 1), 10.02, 1), Trade(Sym, At(9, 31, 2), 9.98, 2), Trade(Sym, At(9, 31, 3), 10.01, 3)]);
        await Eventually(async () => (await _c.Snapshot(Sym)) is { TradeCount: 3, Reference: not null }, "trades applied, reference data loaded");
        Assert.DoesNotContain(_c.Publisher.Published, u => IsPageFeed(u.Feed));

        // A get answers the current value even unwatched.
        var grain = _c.Client.GetGrain<ITickerGrain>(Sym);
        using (var chart = JsonDocument.Parse((await grain.GetFeed(ChartFeed))!.Payload))
        {
            var bar = Assert.Single(chart.RootElement.GetProperty("bars").EnumerateArray());
            Assert.Equal(At(9, 31), bar.GetProperty("t").GetInt64());
            Assert.Equal((10.02, 10.02, 9.98, 10.01, 300L),
                (bar.GetProperty("o").GetDouble(), bar.GetProperty("h").GetDouble(), bar.GetProperty("l").GetDouble(), bar.GetProperty("c").GetDouble(), bar.GetProperty("v").GetInt64()));
            Assert.Equal(FakeReferenceData.For(Sym, Monday).PrevClose, chart.RootElement.GetProperty("prev_close").GetDouble());
        }

        _c.Publisher.Wanted = _ => true;
        await _c.ProduceAsync([Trade(Sym, At(9, 32, 1), 10.02, 4), Trade(Sym, At(9, 32, 2), 10.00, 5)]);
        await Eventually(() => Task.FromResult(Bars(_c.Publisher.Of(ChartFeed).LastOrDefault()) == 2), "a chart with the new minute published");
        await Eventually(() => Task.FromResult(Sides(_c.Publisher.Of(TradesFeed).LastOrDefault()).SequenceEqual(["sell", "buy"])),
            "the tape of the trades since it is watched, newest first, with their sides");

        _c.Publisher.Wanted = feed => !IsPageFeed(feed);
        var published = _c.Publisher.Published.Count(u => IsPageFeed(u.Feed));
        await _c.ProduceAsync([Trade(Sym, At(9, 33, 1), 10.05, 6), Trade(Sym, At(9, 33, 2), 10.06, 7)]);
        await AppliedTrades(7);
        await _c.ProduceAsync([Trade(Sym, At(9, 34, 1), 10.07, 8)]);
        await AppliedTrades(8);
        Assert.Equal(published, _c.Publisher.Published.Count(u => IsPageFeed(u.Feed)));
        using var latest = JsonDocument.Parse((await grain.GetFeed(ChartFeed))!.Payload);
        Assert.Equal(4, latest.RootElement.GetProperty("bars").GetArrayLength());
    }

    [Fact]
    public async Task The_chart_survives_the_grains_deactivation_and_marks_halts()
    {
        _c.Publisher.Wanted = feed => !IsPageFeed(feed);
        await _c.ProduceAsync([Trade(Sym, At(4, 0, 5), 9.5, 1), Trade(Sym, At(9, 30, 5), 10.5, 2)]);
        await _c.ProduceAsync([Luld(Sym, At(10, 0), 1, LuldIndicators.Halt), Luld(Sym, At(10, 5), 2, LuldIndicators.Resume), Luld(Sym, At(11, 0), 3, LuldIndicators.Halt)]);
        await Eventually(async () => (await _c.Snapshot(Sym)) is { TradeCount: 2, IsHalted: true, ResumedAt: > 0 }, "trades and halts applied");
        var grain = _c.Client.GetGrain<ITickerGrain>(Sym);
        var before = (await grain.GetFeed(ChartFeed))!.Payload;

        await _c.Cluster.DeactivateAsync(grain);
        var after = (await grain.GetFeed(ChartFeed))!.Payload;
        Assert.Equal(JsonDocument.Parse(before).RootElement.GetRawText(), JsonDocument.Parse(after).RootElement.GetRawText());
        using var chart = JsonDocument.Parse(after);
        var root = chart.RootElement;
        Assert.Equal((9.5, 9.5), (root.GetProperty("pre_market_high").GetDouble(), root.GetProperty("pre_market_low").GetDouble()));
        Assert.Equal(10.5, root.GetProperty("high").GetDouble());
        var halts = root.GetProperty("halts");
        Assert.Equal((At(10, 0), At(10, 5)), (halts[0].GetProperty("start").GetInt64(), halts[0].GetProperty("end").GetInt64()));
        Assert.Equal(JsonValueKind.Null, halts[1].GetProperty("end").ValueKind);
    }

    private static int Bars(ScannerFeedUpdate? update) =>
        update is null ? 0 : JsonDocument.Parse(update.Payload).RootElement.GetProperty("bars").GetArrayLength();

    private static string?[] Sides(ScannerFeedUpdate? update) =>
        update is null ? [] : [.. JsonDocument.Parse(update.Payload).RootElement.GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("side").GetString())];
}
