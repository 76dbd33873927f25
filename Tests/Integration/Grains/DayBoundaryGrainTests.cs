using Orleans.Hosting;
using Scanner.ScannerFeeds;
using Scanner.Scanners;
using Scanner.Ticker;
using static Scanner.Tests.Integration.Grains.ScannerCluster;
using static Scanner.Tests.Integration.Grains.SyntheticEvents;

namespace Scanner.Tests.Integration.Grains;

/// <summary>The rankings across the 04:00 ET day boundary (own cluster: it moves every feed to a new day).</summary>
[Collection(nameof(ScannerGrainTests))]
public sealed class DayBoundaryGrainTests : IAsyncLifetime
{
    private ScannerCluster _c = null!;

    public async Task InitializeAsync() =>
        _c = await StartAsync(silo => silo.AddMemoryGrainStorage("scanner"));

    public async Task DisposeAsync() => await _c.DisposeAsync();

    [Fact]
    public async Task A_new_trading_day_drops_the_rows_of_the_previous_day()
    {
        var tuesday = Monday.AddDays(1);
        await _c.ProduceAsync(
        [
            Bar("DAYA", At(10, 0), 5, 1_000),
            Bar("DAYB", At(10, 0), 5, 9_000_000),
        ]);
        await Eventually(async () => (await _c.FeedSymbols(ScannerFeedNames.TopVolume)).SequenceEqual(["DAYB", "DAYA"]), "Monday's ranking");

        await _c.ProduceAsync([Bar("DAYA", At(4, 5, day: tuesday), 5.5, 200)]);
        await Eventually(async () => (await _c.FeedSymbols(ScannerFeedNames.TopVolume)).SequenceEqual(["DAYA"]), "Tuesday's ranking");

        var a = await _c.Snapshot("DAYA");
        Assert.Equal(20131008, a.Row.TradingDay);
        Assert.Equal(200, a.Row.AccumulatedVolume);
        Assert.Equal(2, _c.Reference.Loads["DAYA"]); // hydrated once per day
    }

    [Fact]
    public async Task At_04_00_rankings_alert_lists_and_the_quote_start_empty_with_no_event()
    {
        var tuesday = Monday.AddDays(1);
        await _c.ProduceAsync(
        [
            Bar("ROLA", At(10, 0), 5, 1_000),
            Bar("ROLA", At(10, 1), 5.5, 2_000),
            Luld("ROLA", At(10, 2), 1, LuldIndicators.Halt),
        ]);
        await Eventually(async () => (await _c.FeedSymbols(ScannerFeedNames.TopVolume)).SequenceEqual(["ROLA"])
            && (await _c.FeedSymbols(ScannerFeedNames.HighOfDayAlerts)).Length == 1
            && (await _c.FeedSymbols(ScannerFeedNames.Halts)).Length == 1, "Monday's ranking and alerts");

        // The last event of Monday's trading day moves the market clock to a second before 04:00; nothing comes after it.
        await _c.ProduceAsync([Trade("ROLA", At(3, 59, 59, day: tuesday), 5.6, sequence: 1)]);

        var quote = ScannerFeedNames.Quote("ROLA");
        await Eventually(async () =>
            (await _c.FeedSymbols(ScannerFeedNames.TopVolume)).Length == 0
            && (await Task.WhenAll(AlertFeeds.All.Select(_c.FeedSymbols))).All(f => f.Length == 0)
            && await _c.Client.GetGrain<ITickerGrain>("ROLA").GetFeed(quote) is null, "everything empty at 04:00", 30);
        Assert.Equal(20131008, (await _c.Snapshot("ROLA")).Row.TradingDay);
    }
}
