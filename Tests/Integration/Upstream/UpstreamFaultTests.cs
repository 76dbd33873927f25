using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scanner.MarketData;
using Scanner.ServiceDefaults.Health;
using Scanner.Silo.MarketFeed;
using Scanner.Silo.MarketFeed.Parsing;
using Scanner.Silo.Operations;
using Scanner.Tests.Integration.Infrastructure;
using Scanner.Tests.Support.Reporting;
using Xunit.Abstractions;

namespace Scanner.Tests.Integration.Upstream;

/// <summary>
/// Upstream faults against the real listener in a silo, over real WebSockets from a <see cref="ScriptedMassiveServer"/>:
/// nothing is lost silently (every frame the server sent is parsed, or counted as shed, expired or skipped, and the
/// loss shows in the silo's health checks), and the listener reconnects by itself where it should. The refused key
/// and <c>max_connections</c> are in <see cref="MarketFeed.MarketFeedListenerTests"/> (the simulator makes those).
/// Each test adds a row to the fault report.
/// </summary>
public class UpstreamFaultTests(ITestOutputHelper output)
{
    private const string Suite = "upstream feed";

    [Fact]
    public async Task Malformed_frames_are_counted_and_every_good_event_is_published()
    {
        var frames = FixtureFrames.Malformed.Concat(FixtureFrames.EdgeCases).ToArray();
        var expected = ParseLocally(frames);
        var good = Trades("GOOD", 50);
        var sent = new TaskCompletionSource<int>();
        await using var server = await ScriptedMassiveServer.StartAsync(async c =>
        {
            await c.HandshakeAsync();
            await c.SendAsync(good);
            foreach (var frame in frames)
            {
                await c.SendAsync(frame);
            }
            await c.SendAsync(good);
            sent.TrySetResult(c.FramesSent);
        });
        await using var cluster = await ScannerSiloCluster.StartAsync(server.Uri, null, "test-key");
        var health = new FeedHealth(cluster);
        server.Open();

        var framesSent = await sent.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await cluster.WaitUntilAsync(s => Accounted(s) == framesSent && s.Counters.HeldEvents == 0, "every frame accounted for");
        var counters = cluster.Listener.Counters;
        var loss = await health.LossAsync();
        var observed = $"{counters.Parse.MalformedFrames} malformed frames, {counters.Parse.SkippedEvents} skipped events, "
            + $"{counters.PublishedEvents} of {counters.Parse.Events} events published; health {loss.Status}: {loss.Description}";
        Report("frames of garbage, truncated, not arrays, bad events among good ones", "skipped and counted by reason, the rest published", observed,
            $"streaming, {cluster.Listener.Reconnects} reconnects", "scanner.feed.malformed, feed-loss check");

        Assert.Equal(expected.MalformedFrames, counters.Parse.MalformedFrames);
        Assert.Equal(expected.SkippedEvents, counters.Parse.SkippedEvents);
        Assert.Equal(expected.Events + 100, counters.Parse.Events);
        Assert.Equal(counters.Parse.Events, counters.PublishedEvents);
        Assert.Equal(nameof(ListenerState.Streaming), cluster.Listener.State);
        Assert.Equal(0, cluster.Listener.Reconnects);
        Assert.Equal(HealthStatus.Degraded, loss.Status);
        Assert.Contains("skipped as malformed", loss.Description);
    }

    [Fact]
    public async Task Giant_and_binary_frames_are_skipped_and_counted_while_the_connection_lasts()
    {
        const int maxFrameBytes = 64 * 1024;
        var giant = Trades("BIG", 20_000); // about 2 MB, valid JSON
        var sent = new TaskCompletionSource<int>();
        await using var server = await ScriptedMassiveServer.StartAsync(async c =>
        {
            await c.HandshakeAsync();
            await c.SendAsync(giant);
            await c.SendAsync([0x00, 0xFF, 0x5B], WebSocketMessageType.Binary);
            await c.SendAsync(Trades("AFTER", 10));
            sent.TrySetResult(c.FramesSent);
        });
        await using var cluster = await ScannerSiloCluster.StartAsync(server.Uri, null, "test-key", configure: s => s["Feed:MaxFrameBytes"] = maxFrameBytes.ToString());
        var health = new FeedHealth(cluster);
        server.Open();

        var framesSent = await sent.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await cluster.WaitUntilAsync(s => Accounted(s) == framesSent && s.Counters.PublishedEvents == 10, "the frame after them published");
        var snapshot = cluster.Listener;
        var loss = await health.LossAsync();
        Report($"a {giant.Length / 1024} KiB frame (Feed:MaxFrameBytes {maxFrameBytes / 1024} KiB) and a binary frame", "both skipped and counted, the connection kept",
            $"{snapshot.Counters.SkippedMessages} messages skipped, {snapshot.Counters.PublishedEvents} events of the next frame published; health {loss.Status}: {loss.Description}",
            $"{snapshot.State}, {snapshot.Reconnects} reconnects", "scanner.feed.skipped_messages, feed-loss check");

        Assert.Equal(2, snapshot.Counters.SkippedMessages);
        Assert.Equal(nameof(ListenerState.Streaming), snapshot.State);
        Assert.Equal(1, server.Connections);
        Assert.Equal(HealthStatus.Degraded, loss.Status);
        Assert.Contains("2 feed messages skipped unread", loss.Description);
    }

    [Fact]
    public async Task Cuts_and_clean_closes_are_followed_by_a_reconnect_and_a_new_subscription()
    {
        var connectedAt = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        ScannerSiloCluster? started = null;
        await using var server = await ScriptedMassiveServer.StartAsync(async c =>
        {
            lock (connectedAt)
            {
                connectedAt.Add(clock.Elapsed);
            }
            await c.HandshakeAsync();
            await c.SendAsync(Trades($"C{c.Number}", 10));
            // The listener publishes the frame before the connection ends, at any speed: a cut loses what is in flight.
            await Polling.UntilAsync(() => Volatile.Read(ref started)?.Listener.Counters.PublishedEvents >= 10 * c.Number,
                () => $"the {10 * c.Number} events of connections 1 to {c.Number} published");
            switch (c.Number)
            {
                case 1: c.Cut(); break;
                case 2: await c.CloseAsync(); break;
            }
        });
        await using var cluster = await ScannerSiloCluster.StartAsync(server.Uri, null, "test-key");
        Volatile.Write(ref started, cluster);
        server.Open();

        await cluster.WaitUntilAsync(
            s => server.Connections == 3 && s.State == nameof(ListenerState.Streaming) && s.AcknowledgedSubscriptions.Length == 4 && s.Counters.PublishedEvents == 30,
            "a third connection, subscribed, after a cut and a clean close");
        var snapshot = cluster.Listener;
        var gaps = connectedAt.Zip(connectedAt.Skip(1), (a, b) => $"{(b - a).TotalMilliseconds:0} ms");
        Report("connection 1 cut (no close frame), connection 2 closed cleanly (1000)", "reconnect with backoff, subscribe again, nothing of the sent events lost",
            $"{server.Connections} connections, gaps {string.Join(", ", gaps)} (including the wait for each connection's events to be published), {snapshot.Reconnects} reconnects counted, {snapshot.Counters.PublishedEvents} of 30 events published",
            $"{snapshot.State}, all {snapshot.AcknowledgedSubscriptions.Length} subscriptions acknowledged", "reconnects in /health");

        Assert.Equal(2, snapshot.Reconnects);
        Assert.Equal(0, Accounted(snapshot) - snapshot.Counters.Parse.Frames);
    }

    [Fact]
    public async Task Missing_subscription_acks_are_reported_in_health_while_data_flows()
    {
        await using var server = await ScriptedMassiveServer.StartAsync(async c =>
        {
            await c.HandshakeAsync(acknowledge: 2);
            await c.SendAsync(Trades("NOACK", 10));
        });
        await using var cluster = await ScannerSiloCluster.StartAsync(server.Uri, null, "test-key", configure: s => s["Feed:SubscriptionAckTimeout"] = "00:00:02");
        var health = new FeedHealth(cluster);
        server.Open();

        // Acks that reach the listener after its deadline (a busy machine) still count: two end up missing.
        await cluster.WaitUntilAsync(s => s.UnacknowledgedSubscriptions.Length == 2 && s.AcknowledgedSubscriptions.Length == 2 && s.Counters.PublishedEvents == 10,
            "the two missing acks reported");
        var snapshot = cluster.Listener;
        var listener = await health.ListenerAsync();
        Report("only 2 of 4 subscriptions acknowledged", "streaming continues; the unacknowledged ones reported, health degraded",
            $"unacknowledged: {string.Join(",", snapshot.UnacknowledgedSubscriptions)}; health {listener.Status}: {listener.Description}",
            $"{snapshot.State} (a new connection asks again)", "not a loss: state in /health");

        Assert.Equal(2, snapshot.UnacknowledgedSubscriptions.Length);
        Assert.Equal(2, snapshot.AcknowledgedSubscriptions.Length);
        Assert.Equal(HealthStatus.Degraded, listener.Status);
        Assert.Contains("not acknowledged", listener.Description);
    }

    [Fact]
    public async Task A_flood_faster_than_publishing_is_shed_and_every_frame_is_accounted_for()
    {
        const int floodFrames = 5_000;
        var frame = Trades("FLOOD", 50);
        var sent = new TaskCompletionSource<int>();
        await using var server = await ScriptedMassiveServer.StartAsync(async c =>
        {
            await c.HandshakeAsync();
            for (var i = 0; i < floodFrames; i++)
            {
                await c.SendAsync(frame);
            }
            sent.TrySetResult(c.FramesSent);
        });
        // A small buffer and one publication at a time: the socket outruns publishing at once.
        await using var cluster = await ScannerSiloCluster.StartAsync(server.Uri, null, "test-key", configure: s =>
        {
            s["Feed:FrameBufferCapacity"] = "16";
            s["Feed:MaxHeldEvents"] = "50";
        });
        var health = new FeedHealth(cluster);
        server.Open();

        var framesSent = await sent.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await cluster.WaitUntilAsync(s => Accounted(s) == framesSent && s.Counters.HeldEvents == 0, "every frame parsed, shed or expired");
        var counters = cluster.Listener.Counters;
        var loss = await health.LossAsync();
        Report($"{floodFrames:N0} frames of 50 trades as fast as loopback carries them (buffer 16 frames)", "the oldest frames shed and counted, the socket read on, the rest published",
            $"{counters.Parse.Frames:N0} frames parsed, {counters.DroppedFrames:N0} shed, {counters.ExpiredFrames:N0} expired of {framesSent:N0}; {counters.PublishedEvents:N0} events published; health {loss.Status}: {loss.Description}",
            $"{cluster.Listener.State}, {cluster.Listener.Reconnects} reconnects", "scanner.feed.dropped_frames, feed-loss check");

        Assert.True(counters.DroppedFrames + counters.ExpiredFrames > 0, "the flood never outran publishing: nothing was injected");
        Assert.Equal(counters.Parse.Events, counters.PublishedEvents);
        Assert.Equal(0, cluster.Listener.Reconnects);
        Assert.Equal(HealthStatus.Degraded, loss.Status);
        Assert.Contains("frames shed", loss.Description);
    }

    /// <summary>Frames the listener took after authentication: parsed, shed, expired or skipped unread.</summary>
    private static long Accounted(FeedListenerSnapshot s) =>
        s.Counters.Parse.Frames + s.Counters.DroppedFrames + s.Counters.ExpiredFrames + s.Counters.SkippedMessages;

    private static ParseCountersSnapshot ParseLocally(IEnumerable<byte[]> frames)
    {
        var parser = new FrameParser();
        foreach (var frame in frames)
        {
            parser.Parse(frame, [], []);
        }
        return parser.Counters.Snapshot();
    }

    /// <summary>A frame of <paramref name="count"/> trades of one symbol.</summary>
    private static byte[] Trades(string symbol, int count)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Range(1, count).Select(i =>
            $$"""{"ev":"T","sym":"{{symbol}}","i":"{{i}}","x":4,"p":10.5,"s":100,"c":[0],"t":{{now}},"q":{{i}},"z":1}""")) + "]");
    }

    private void Report(string injected, string expected, string observed, string recovered, string lossCounted) =>
        output.WriteLine(FaultReport.Record(Suite, injected, expected, observed, recovered, lossCounted));

    /// <summary>
    /// The silo's own health checks over the listener of <paramref name="cluster"/>. Created before the faults, as the
    /// silo's sampler observes its counters from the start: a loss check reports what rose after its first look.
    /// </summary>
    private sealed class FeedHealth
    {
        private readonly LossCounterHealthCheck _loss;
        private readonly MarketFeedHealthCheck _listener;

        public FeedHealth(ScannerSiloCluster cluster)
        {
            var silo = cluster.Silo();
            var metrics = silo.GetRequiredService<MarketFeedMetrics>();
            _loss = new LossCounterHealthCheck(SiloHealthChecks.FeedLossCounters(metrics), TimeProvider.System);
            _listener = new MarketFeedHealthCheck(silo.GetRequiredService<MarketFeedListenerStatus>(), metrics, silo.GetRequiredService<ListenerIdentity>());
            _ = LossAsync();
        }

        public Task<HealthCheckResult> LossAsync() => _loss.CheckHealthAsync(new HealthCheckContext());

        public Task<HealthCheckResult> ListenerAsync() => _listener.CheckHealthAsync(new HealthCheckContext());
    }
}
