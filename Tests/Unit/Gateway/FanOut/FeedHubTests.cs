using System.Text;
using Scanner.ScannerFeeds;
using Scanner.Gateway.FanOut;
using Scanner.Gateway.Hosting;

namespace Scanner.Tests.Unit.Gateway.FanOut;

public class FeedHubTests
{
    private static readonly TimeSpan PropagationDelay = TimeSpan.FromSeconds(1.5);
    private readonly GatewayHarness _gateway = new(new GatewayOptions { InterestPropagationDelay = PropagationDelay });

    private static ScannerFeedUpdate Update(string feed, long version) => new(feed, Encoding.UTF8.GetBytes(version.ToString()), version, 0);

    private sealed class Recorder : IScannerFeedSubscriber
    {
        public List<(string Feed, long Version)> Received { get; } = [];

        public void Deliver(ScannerFeedMessage message)
        {
            lock (Received)
            {
                Received.Add((message.Feed, message.Version));
            }
        }

        public bool Has(string feed, long version)
        {
            lock (Received)
            {
                return Received.Contains((feed, version));
            }
        }
    }

    [Fact]
    public void Updates_reach_exact_and_wildcard_subscribers_only()
    {
        var exact = new Recorder();
        var wildcard = new Recorder();
        var other = new Recorder();
        _gateway.Hub.Subscribe(exact, "quote:AAPL");
        _gateway.Hub.Subscribe(wildcard, "quote:*");
        _gateway.Hub.Subscribe(other, "daily_range:AAPL");
        _gateway.Hub.OnFeedUpdates([Update("quote:AAPL", 1), Update("quote:MSFT", 1)]);
        Assert.Contains(("quote:AAPL", 1L), exact.Received);
        Assert.DoesNotContain(("quote:MSFT", 1L), exact.Received);
        Assert.Contains(("quote:AAPL", 1L), wildcard.Received);
        Assert.Contains(("quote:MSFT", 1L), wildcard.Received);
        Assert.Empty(other.Received);
    }

    [Fact]
    public void Older_versions_are_not_fanned_out()
    {
        var client = new Recorder();
        _gateway.Hub.Subscribe(client, ScannerFeedNames.TopGainers);
        _gateway.Hub.OnFeedUpdates([Update(ScannerFeedNames.TopGainers, 5)]);
        _gateway.Hub.OnFeedUpdates([Update(ScannerFeedNames.TopGainers, 4), Update(ScannerFeedNames.TopGainers, 5)]);
        Assert.Equal([(ScannerFeedNames.TopGainers, 5L)], client.Received);
    }

    [Fact]
    public void Subscribe_hands_over_the_cached_value_first()
    {
        _gateway.Hub.OnFeedUpdates([Update(ScannerFeedNames.TopVolume, 3)]);
        var client = new Recorder();
        _gateway.Hub.Subscribe(client, ScannerFeedNames.TopVolume);
        Assert.Equal([(ScannerFeedNames.TopVolume, 3L)], client.Received);
    }

    [Fact]
    public async Task A_new_per_symbol_subscription_registers_interest_and_fetches_now_and_after_the_propagation_window()
    {
        _gateway.Backend.Current["quote:AAPL"] = Update("quote:AAPL", 1);
        var client = new Recorder();
        _gateway.Hub.Subscribe(client, "quote:AAPL");
        Assert.Equal(["quote:AAPL"], _gateway.Backend.Interest);
        await Polling.UntilAsync(() => client.Has("quote:AAPL", 1));
        // The silo did not push anything newer yet: the hub asks again once the window has passed.
        _gateway.Backend.Current["quote:AAPL"] = Update("quote:AAPL", 2);
        _gateway.Time.Advance(PropagationDelay - TimeSpan.FromMilliseconds(1));
        Assert.False(client.Has("quote:AAPL", 2));
        _gateway.Time.Advance(TimeSpan.FromMilliseconds(1));
        await Polling.UntilAsync(() => client.Has("quote:AAPL", 2));
        Assert.Equal(2, _gateway.Backend.Fetches.Count(f => f == "quote:AAPL"));
    }

    [Fact]
    public async Task A_list_feed_not_yet_cached_is_fetched_once()
    {
        _gateway.Backend.Current[ScannerFeedNames.TopGappers] = Update(ScannerFeedNames.TopGappers, 9);
        var client = new Recorder();
        _gateway.Hub.Subscribe(client, ScannerFeedNames.TopGappers);
        await Polling.UntilAsync(() => client.Has(ScannerFeedNames.TopGappers, 9));
        Assert.Empty(_gateway.Backend.Interest);
        // Well past the propagation window: a list feed is never fetched again.
        _gateway.Time.Advance(PropagationDelay * 10);
        Assert.Single(_gateway.Backend.Fetches);
    }

    [Fact]
    public void Unsubscribing_the_last_client_drops_interest_and_the_stale_cache_entry()
    {
        var a = new Recorder();
        var b = new Recorder();
        _gateway.Hub.Subscribe(a, "quote:AAPL");
        _gateway.Hub.Subscribe(b, "quote:*");
        _gateway.Hub.OnFeedUpdates([Update("quote:AAPL", 1)]);
        Assert.Equal(["quote:*", "quote:AAPL"], _gateway.Backend.Interest);
        _gateway.Hub.Unsubscribe(a, "quote:AAPL");
        Assert.Equal(["quote:*"], _gateway.Backend.Interest);
        Assert.Equal(1, _gateway.Hub.CachedFeeds);
        _gateway.Hub.Unsubscribe(b, "quote:*");
        Assert.Empty(_gateway.Backend.Interest);
        Assert.Equal(0, _gateway.Hub.CachedFeeds);
        Assert.Equal(0, _gateway.Hub.Subscriptions);
    }

    [Fact]
    public void Per_symbol_updates_nobody_wants_are_not_cached()
    {
        _gateway.Hub.OnFeedUpdates([Update("quote:ZZZ", 1), Update(ScannerFeedNames.Halts, 1)]);
        Assert.Equal(1, _gateway.Hub.CachedFeeds);
    }

    [Fact]
    public async Task Get_answers_from_the_cache_or_the_backend()
    {
        _gateway.Hub.OnFeedUpdates([Update(ScannerFeedNames.Momentum, 4)]);
        Assert.Equal(4, (await _gateway.Hub.GetAsync(ScannerFeedNames.Momentum, CancellationToken.None))!.Version);
        Assert.Empty(_gateway.Backend.Fetches);
        _gateway.Backend.Current["quote:IBM"] = Update("quote:IBM", 2);
        Assert.Equal(2, (await _gateway.Hub.GetAsync("quote:IBM", CancellationToken.None))!.Version);
        Assert.Null(await _gateway.Hub.GetAsync("quote:NONE", CancellationToken.None));
    }

    [Fact]
    public async Task A_wildcard_on_a_quiet_market_delivers_the_current_value_of_every_matching_feed()
    {
        _gateway.Backend.Current["quote:IBM"] = Update("quote:IBM", 3);
        _gateway.Backend.Current["quote:AIG"] = Update("quote:AIG", 5);
        _gateway.Backend.Current["daily_range:IBM"] = Update("daily_range:IBM", 7);
        var client = new Recorder();
        _gateway.Hub.Subscribe(client, "quote:*"); // and nothing is published afterwards
        await Polling.UntilAsync(() => client.Has("quote:IBM", 3) && client.Has("quote:AIG", 5));
        Assert.DoesNotContain(client.Received, r => r.Feed == "daily_range:IBM");

        // A second client gets them from the cache.
        var second = new Recorder();
        _gateway.Hub.Subscribe(second, "quote:*");
        Assert.Equal(2, second.Received.Count);
    }
}
