using System.Text;
using Orleans.Hosting;
using Scanner.ScannerFeeds;
using Scanner.Scanners;
using static Scanner.Tests.Integration.Grains.ScannerCluster;
using static Scanner.Tests.Integration.Grains.SyntheticEvents;

namespace Scanner.Tests.Integration.Grains;

/// <summary>What the feeds answer when nothing happens (own cluster: it needs feeds that never had a value).</summary>
[Collection(nameof(ScannerGrainTests))]
public sealed class QuietMarketGrainTests : IAsyncLifetime
{
    private ScannerCluster _c = null!;

    public async Task InitializeAsync() =>
        _c = await StartAsync(silo => silo.AddMemoryGrainStorage("scanner"));

    public async Task DisposeAsync() => await _c.DisposeAsync();

    [Fact]
    public async Task Every_list_feed_answers_an_empty_list_before_anything_happened()
    {
        foreach (var feed in ScannerFeedNames.Lists)
        {
            var update = await _c.Client.GetGrain<IScannerFeedGrain>(feed).GetFeed(feed);
            Assert.Equal("[]", Encoding.UTF8.GetString(update!.Payload));
        }
    }

    [Fact]
    public async Task The_current_quotes_are_those_of_every_symbol_with_an_event_today()
    {
        await _c.ProduceAsync([Bar("QUIA", At(9, 40), 5, 1_000), Bar("QUIB", At(9, 40), 7, 2_000)]);
        await Eventually(async () => (await _c.FeedSymbols(ScannerFeedNames.TopVolume)).Length == 2, "both ranked");

        var quotes = await _c.Client.GetGrain<ICurrentQuotesGrain>(0).GetAll();

        Assert.Equal(["quote:QUIA", "quote:QUIB"], quotes.Select(q => q.Feed).Order());
        var own = await _c.Client.GetGrain<Scanner.Ticker.ITickerGrain>("QUIA").GetFeed("quote:QUIA");
        Assert.Equal(own!.Payload, quotes.Single(q => q.Feed == "quote:QUIA").Payload);
    }
}
