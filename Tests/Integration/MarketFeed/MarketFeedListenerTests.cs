using Microsoft.Extensions.DependencyInjection;
using Scanner.Silo.Control;
using Scanner.Silo.MarketFeed;
using Scanner.Silo.Operations;
using Scanner.Simulator;
using Scanner.Simulator.Hosting;
using Scanner.Tests.Integration.Infrastructure;
using Scanner.Tests.Integration.Simulator;
using Scanner.Tests.Support.Reporting;
using Xunit.Abstractions;

namespace Scanner.Tests.Integration.MarketFeed;

/// <summary>
/// The listener against the Massive-compatible simulator, over a real WebSocket. The fault cases add rows to the fault
/// report (the faults the simulator does not make are in <see cref="Upstream.UpstreamFaultTests"/>).
/// </summary>
public class MarketFeedListenerTests(ITestOutputHelper output)
{
    private static SimulatorOptions Replay(int port = 0) => new() { Port = port, ApiKey = "test-key", Speed = 0, FrameSize = 50 };

    [Fact]
    public async Task Streams_the_replayed_day_with_every_subscription_acknowledged()
    {
        await using var sim = await SimulatorServer.StartAsync(Replay());
        await using var cluster = await ScannerSiloCluster.StartAsync(sim.WebSocketUri, sim.RestBaseUri, "test-key");

        await cluster.WaitUntilAsync(s => s.Counters.PublishedEvents > 10_000, "10,000 events published");
        await cluster.WaitUntilAsync(s => s.UnacknowledgedSubscriptions.Length == 0 && s.AcknowledgedSubscriptions.Length == 4, "all acks");

        var snapshot = cluster.Listener;
        Assert.Equal(nameof(ListenerState.Streaming), snapshot.State);
        Assert.Equal(["A.*", "LULD.*", "Q.*", "T.*"], snapshot.AcknowledgedSubscriptions.Order());
        Assert.True(snapshot.Counters.Parse.Trades > 0);
        Assert.True(snapshot.Counters.Parse.SecondAggregates > 0);
        Assert.Equal(0, snapshot.Counters.Parse.MalformedFrames);
        Assert.Equal(0, snapshot.Counters.PublishFailedEvents);
        Assert.Equal("healthy", SiloHealthEndpoint.Classify(cluster.ListenerStatus().State));
    }

    [Fact]
    public async Task A_refused_key_is_terminal_and_visible()
    {
        await using var sim = await SimulatorServer.StartAsync(Replay());
        await using var cluster = await ScannerSiloCluster.StartAsync(sim.WebSocketUri, sim.RestBaseUri, "wrong-key");

        await cluster.WaitUntilAsync(s => s.State == nameof(ListenerState.AuthFailed), "auth_failed");
        // Terminal means no retry with the same key: the listener gives the lease up and then waits for an operator's
        // change (the control API), so once the lease is released no reconnect can follow by itself.
        var control = cluster.Silo().GetRequiredService<MarketFeedControl>();
        await Polling.UntilAsync(() => control.LeaseHolder is null, () => $"lease still held by {control.LeaseHolder}");

        var snapshot = cluster.Listener;
        Assert.Equal(nameof(ListenerState.AuthFailed), snapshot.State);
        Assert.Contains("auth_failed", snapshot.LastError);
        output.WriteLine(FaultReport.Record("upstream feed", "a refused key (auth_failed)", "no retry with the same key; unhealthy until an operator changes something",
            $"{snapshot.State}: {snapshot.LastError}; {sim.Stats.ConnectionsAccepted} connection, {snapshot.Reconnects} reconnects; health {SiloHealthEndpoint.Classify(cluster.ListenerStatus().State)}",
            "no (by design: waits for the control API)", "nothing streamed: state in /health"));
        Assert.Equal(0, snapshot.Reconnects);
        Assert.Equal(1, sim.Stats.ConnectionsAccepted);
        Assert.Equal("unhealthy", SiloHealthEndpoint.Classify(cluster.ListenerStatus().State));
    }

    [Fact]
    public async Task Max_connections_cools_down_instead_of_fighting_for_the_key()
    {
        await using var sim = await SimulatorServer.StartAsync(Replay());
        // Another client holds the key (authenticated) before the listener tries it.
        await using var holder = await MarketFeedTestClient.ConnectAndAuthenticateAsync(sim.WebSocketUri, "test-key");

        await using var cluster = await ScannerSiloCluster.StartAsync(sim.WebSocketUri, sim.RestBaseUri, "test-key", configure: s => s["Feed:MaxConnectionsCooldown"] = "01:00:00");
        // The cool-down's own state, not the reconnect backoff: that one counts a reconnect and retries within a second.
        await cluster.WaitUntilAsync(s => s.LastError?.Contains("cooling down", StringComparison.Ordinal) == true, "the max_connections cool-down");

        var snapshot = cluster.Listener;
        output.WriteLine(FaultReport.Record("upstream feed", "max_connections (another client holds the key)", "cool down (Feed:MaxConnectionsCooldown), no hot loop",
            $"{snapshot.State}: {snapshot.LastError}; {sim.Stats.ConnectionsRejected} rejected connection, {snapshot.Reconnects} reconnects",
            "yes, after the cool-down", "nothing streamed: state in /health"));
        Assert.Equal(nameof(ListenerState.Backoff), snapshot.State);
        Assert.StartsWith("max_connections", snapshot.LastError);
        Assert.Equal(0, snapshot.Reconnects);
        Assert.Equal(1, sim.Stats.ConnectionsRejected);
    }

    [Fact]
    public async Task Reconnects_and_resubscribes_after_the_server_goes_away()
    {
        var sim = await SimulatorServer.StartAsync(Replay());
        var port = sim.RestBaseUri.Port;
        await using var cluster = await ScannerSiloCluster.StartAsync(sim.WebSocketUri, sim.RestBaseUri, "test-key");
        await cluster.WaitUntilAsync(s => s.State == nameof(ListenerState.Streaming) && s.Counters.PublishedEvents > 0, "streaming");

        await sim.DisposeAsync();
        await cluster.WaitUntilAsync(s => s.State != nameof(ListenerState.Streaming), "the drop to be noticed");
        var publishedBefore = cluster.Listener.Counters.PublishedEvents;

        await using var restarted = await SimulatorServer.StartAsync(Replay(port));
        await cluster.WaitUntilAsync(
            s => s.State == nameof(ListenerState.Streaming) && s.Counters.PublishedEvents > publishedBefore + 1_000 && s.AcknowledgedSubscriptions.Length == 4,
            "streaming again");
        output.WriteLine(FaultReport.Record("upstream feed", "the feed server stopped and started again on the same port", "reconnect with backoff, subscribe again",
            $"{cluster.Listener.Reconnects} reconnects, {cluster.Listener.AcknowledgedSubscriptions.Length} subscriptions acknowledged again, {cluster.Listener.Counters.PublishedEvents - publishedBefore} events published since",
            cluster.Listener.State, "frames in flight at the stop: none counted lost (the socket had delivered them)"));
        Assert.True(cluster.Listener.Reconnects >= 1);
    }
}
