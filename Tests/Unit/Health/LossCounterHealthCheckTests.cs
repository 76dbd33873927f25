using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Scanner.Gateway.Health;
using Scanner.Persistence;
using Scanner.ServiceDefaults.Health;
using Scanner.Silo.MarketFeed;
using Scanner.Silo.Operations;
using Orleans.Streaming.RabbitMQ;

namespace Scanner.Tests.Unit.Health;

/// <summary>Data lost in the last minute degrades readiness, with the reason; a quiet minute clears it.</summary>
public class LossCounterHealthCheckTests
{
    private readonly FakeTimeProvider _time = new();

    private static async Task<HealthCheckResult> Check(IHealthCheck check) => await check.CheckHealthAsync(new HealthCheckContext());

    private async Task AssertDegradedThenClears(LossCounter[] counters, Action lose, string reason)
    {
        var check = new LossCounterHealthCheck(counters, _time);
        Assert.Equal(HealthStatus.Healthy, (await Check(check)).Status);
        _time.Advance(TimeSpan.FromSeconds(5));
        lose();
        var degraded = await Check(check);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains(reason, degraded.Description);
        Assert.Contains("in the last minute", degraded.Description);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HealthStatus.Degraded, (await Check(check)).Status);
        _time.Advance(TimeSpan.FromSeconds(31));   // a minute after the sample that saw the loss: it is out of the window
        Assert.Equal(HealthStatus.Healthy, (await Check(check)).Status);
    }

    [Fact]
    public async Task Frames_shed_by_the_listener()
    {
        var metrics = new MarketFeedMetrics(TestMeters.Create());
        var buffer = new FrameBuffer(16, Timeout.InfiniteTimeSpan);
        metrics.Attach(buffer, Silo.MarketFeed.Parsing.ParseCountersSnapshot.Empty, null!);
        await AssertDegradedThenClears(SiloHealthChecks.FeedLossCounters(metrics), () =>
        {
            for (var i = 0; i < 20; i++)
            {
                buffer.Write(new ReceivedFrame(System.Buffers.ArrayPool<byte>.Shared.Rent(16), 1, System.Diagnostics.Stopwatch.GetTimestamp()));
            }
        }, "4 frames shed");
    }

    [Fact]
    public async Task Frames_expired_in_the_listener()
    {
        var metrics = new MarketFeedMetrics(TestMeters.Create());
        var buffer = new FrameBuffer(16, TimeSpan.FromSeconds(5));
        metrics.Attach(buffer, Silo.MarketFeed.Parsing.ParseCountersSnapshot.Empty, null!);
        await AssertDegradedThenClears(SiloHealthChecks.FeedLossCounters(metrics), () =>
        {
            var old = System.Diagnostics.Stopwatch.GetTimestamp() - 10 * System.Diagnostics.Stopwatch.Frequency;
            buffer.Write(new ReceivedFrame(System.Buffers.ArrayPool<byte>.Shared.Rent(16), 1, old));
            Assert.False(buffer.TryTake(out _));
        }, "1 frames expired");
    }

    [Fact]
    public async Task Events_that_failed_to_publish()
    {
        var metrics = new MarketFeedMetrics(TestMeters.Create());
        await AssertDegradedThenClears(SiloHealthChecks.FeedLossCounters(metrics), () =>
        {
            metrics.PublishStarted();
            metrics.PublishFailed(12);
        }, "12 events failed to publish");
    }

    [Fact]
    public async Task Grain_state_writes_that_failed()
    {
        var failures = new StateWriteFailures(TimeProvider.System, NullLogger<StateWriteFailures>.Instance);
        await AssertDegradedThenClears(SiloHealthChecks.GrainStateLossCounters(failures),
            () => failures.Failed("ticker AAPL", new InvalidOperationException("write failed")), "grain state writes failed");
    }

    [Fact]
    public async Task Stream_containers_that_failed_to_publish()
    {
        using var board = new RabbitMqStreamStatusBoard(TestMeters.Create());
        var status = board.Get("trades");
        await AssertDegradedThenClears(SiloHealthChecks.StreamLossCounters(board), () => status.RecordFailed(3), "3 stream containers failed");
    }

    [Fact]
    public async Task Gateway_reads_from_the_cluster_that_failed()
    {
        using var metrics = new GatewayMetrics(TestMeters.Create());
        await AssertDegradedThenClears(GatewayHealthChecks.BackendLossCounters(metrics), metrics.BackendFailure, "1 feed reads from the cluster failed");
    }
}
