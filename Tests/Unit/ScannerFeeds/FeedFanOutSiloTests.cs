using System.Text;
using Scanner.ScannerFeeds;

using Scanner.Tests.Unit.Gateway;

namespace Scanner.Tests.Unit.ScannerFeeds;

/// <summary>The silo side of the fan-out: the registry's leases, the routes and the coalescing buffer.</summary>
public class FeedFanOutSiloTests
{
    private sealed class Observer : IScannerFeedObserver
    {
        public Task OnFeedUpdates(ScannerFeedUpdate[] updates) => Task.CompletedTask;
    }

    private static readonly DateTime Start = new(2026, 1, 5, 14, 0, 0, DateTimeKind.Utc);
    private static readonly GrainId GatewayA = GrainId.Create("observer", "a");
    private static readonly GrainId GatewayB = GrainId.Create("observer", "b");

    private static ScannerFeedUpdate Update(string feed, long version) => new(feed, Encoding.UTF8.GetBytes("{}"), version, 0);

    [Fact]
    public void Leases_change_the_version_only_when_the_table_changes()
    {
        var leases = new ScannerFeedGatewayLeases(100);
        var observer = new Observer();
        leases.Register(GatewayA, observer, ["quote:B", "quote:A", "quote:A"], TimeSpan.FromSeconds(20), Start);
        Assert.Equal(101, leases.Version);
        Assert.Equal(["quote:A", "quote:B"], leases.Snapshot().Gateways.Single().Interests);
        leases.Register(GatewayA, observer, ["quote:A", "quote:B"], TimeSpan.FromSeconds(20), Start.AddSeconds(5));
        Assert.Equal(101, leases.Version);
        leases.Register(GatewayA, observer, ["quote:*"], TimeSpan.FromSeconds(20), Start.AddSeconds(6));
        Assert.Equal(102, leases.Version);
        leases.Unregister(GatewayA);
        Assert.Equal(103, leases.Version);
        Assert.Empty(leases.Snapshot().Gateways);
    }

    [Fact]
    public void Leases_not_renewed_in_time_expire()
    {
        var leases = new ScannerFeedGatewayLeases(0);
        leases.Register(GatewayA, new Observer(), [], TimeSpan.FromSeconds(20), Start);
        leases.Register(GatewayB, new Observer(), [], TimeSpan.FromSeconds(20), Start.AddSeconds(15));
        leases.Expire(Start.AddSeconds(19));
        Assert.Equal(2, leases.Count);
        var before = leases.Version;
        leases.Expire(Start.AddSeconds(21));
        Assert.Equal(1, leases.Count);
        Assert.NotEqual(before, leases.Version);
    }

    [Fact]
    public void Invalid_interest_patterns_are_ignored()
    {
        var leases = new ScannerFeedGatewayLeases(0);
        leases.Register(GatewayA, new Observer(), ["*", "quote:A", "bad name"], TimeSpan.FromSeconds(20), Start);
        Assert.Equal(["quote:A"], leases.Snapshot().Gateways.Single().Interests);
    }

    [Fact]
    public void Routes_send_lists_to_every_gateway_and_per_symbol_feeds_by_interest()
    {
        var exact = new Observer();
        var wildcard = new Observer();
        var none = new Observer();
        var routes = new ScannerFeedRoutes(new ScannerFeedGatewaySnapshot(1,
        [
            new ScannerFeedGateway(exact, ["quote:AAPL"]),
            new ScannerFeedGateway(wildcard, ["quote:*"]),
            new ScannerFeedGateway(none, []),
        ]));
        var sent = new Dictionary<IScannerFeedObserver, string[]>();
        routes.Route([Update(ScannerFeedNames.TopGainers, 1), Update("quote:AAPL", 1), Update("quote:MSFT", 1), Update("daily_range:AAPL", 1)],
            (observer, batch) => sent.Add(observer, [.. batch.Select(u => u.Feed)]));
        Assert.Equal([ScannerFeedNames.TopGainers, "quote:AAPL"], sent[exact]);
        Assert.Equal([ScannerFeedNames.TopGainers, "quote:AAPL", "quote:MSFT"], sent[wildcard]);
        Assert.Equal([ScannerFeedNames.TopGainers], sent[none]);
        Assert.True(routes.IsWanted("quote:MSFT"));
        Assert.True(routes.IsWanted(ScannerFeedNames.Halts));
        Assert.False(routes.IsWanted("daily_range:AAPL"));
        Assert.False(ScannerFeedRoutes.Empty.IsWanted(ScannerFeedNames.Halts));
    }

    [Fact]
    public void Pending_updates_keep_the_newest_version_per_feed()
    {
        var pending = new PendingScannerFeedUpdates();
        Assert.False(pending.Add(Update("a", 1)));
        Assert.True(pending.Add(Update("a", 3)));
        Assert.True(pending.Add(Update("a", 2)));
        Assert.False(pending.Add(Update("b", 1)));
        var drained = new List<ScannerFeedUpdate>();
        pending.Drain(drained);
        Assert.Equal([("a", 3L), ("b", 1L)], drained.Select(u => (u.Feed, u.Version)).Order());
        pending.Drain(drained);
        Assert.Empty(drained);
    }
}
