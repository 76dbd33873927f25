using Orleans.Hosting;
using Scanner.ScannerFeeds;
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
}
