using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Scanner.Silo.MarketFeed;
using Scanner.Silo.Operations;
using Orleans.Streaming.RabbitMQ;

namespace Scanner.Tests.Unit.Health;

/// <summary>The listener's and the stream providers' conditions, each provoked and read back as a status with its reason.</summary>
public class SiloHealthCheckTests
{
    private const string Me = "silo-a";
    private readonly MarketFeedListenerStatus _status = new(new FakeTimeProvider());

    private async Task<HealthCheckResult> Listener() =>
        await new MarketFeedHealthCheck(_status, new MarketFeedMetrics(TestMeters.Create()), new ListenerIdentity(Me)).CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task Streaming_with_every_subscription_acknowledged_is_healthy()
    {
        _status.SetLeaseHolder(Me);
        _status.Set(ListenerState.Streaming);
        _status.SetSubscriptions(["T.*", "Q.*"], []);
        Assert.Equal(HealthStatus.Healthy, (await Listener()).Status);
    }

    [Fact]
    public async Task Unacknowledged_subscriptions_degrade()
    {
        _status.SetLeaseHolder(Me);
        _status.Set(ListenerState.Streaming);
        _status.SetSubscriptions(["T.*"], ["LULD.*", "Q.*"]);
        var result = await Listener();
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("not acknowledged", result.Description);
        Assert.Contains("LULD.*, Q.*", result.Description);
    }

    [Fact]
    public async Task A_standby_silo_whose_lease_another_silo_holds_is_healthy()
    {
        _status.SetLeaseHolder("silo-b");
        _status.Set(ListenerState.Standby, "lease held by silo-b");
        var result = await Listener();
        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("silo-b", result.Description);
    }

    [Fact]
    public async Task Nobody_known_to_hold_the_feed_lease_degrades()
    {
        _status.SetLeaseHolder(null);
        _status.Set(ListenerState.Standby, "lease unavailable: storage down");
        var result = await Listener();
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("feed lease", result.Description);
    }

    [Fact]
    public async Task A_reason_keeps_only_the_first_line_of_a_many_line_error()
    {
        _status.SetLeaseHolder(null);
        _status.Set(ListenerState.Standby, "lease unavailable: Timeout performing EVAL (5000ms)\n   at StackExchange.Redis.ConnectionMultiplexer.ExecuteAsync\r\n   at Orleans.Runtime...");
        var result = await Listener();
        Assert.Equal("no silo is known to hold the feed lease (lease unavailable: Timeout performing EVAL (5000ms))", result.Description);
    }

    [Theory]
    [InlineData(ListenerState.Connecting, HealthStatus.Degraded)]
    [InlineData(ListenerState.Backoff, HealthStatus.Degraded)]
    [InlineData(ListenerState.AuthFailed, HealthStatus.Unhealthy)]
    [InlineData(ListenerState.Stopped, HealthStatus.Unhealthy)]
    [InlineData(ListenerState.Idle, HealthStatus.Healthy)]
    public async Task The_listener_state_sets_the_status_and_the_reason(ListenerState state, HealthStatus expected)
    {
        _status.Set(state, "why");
        var result = await Listener();
        Assert.Equal(expected, result.Status);
        if (expected != HealthStatus.Healthy)
        {
            Assert.Contains(state.ToString(), result.Description);
            Assert.Contains("why", result.Description);
        }
    }

    [Fact]
    public async Task A_stream_provider_without_a_broker_connection_is_unhealthy()
    {
        using var board = new RabbitMqStreamStatusBoard(TestMeters.Create());
        var connected = true;
        board.Get("trades").BindConnection(() => true);
        board.Get("quotes").BindConnection(() => connected);
        var check = new StreamProvidersHealthCheck(board);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        connected = false;
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("RabbitMQ unreachable", result.Description);
        Assert.Contains("quotes", result.Description);
        Assert.DoesNotContain("trades", result.Description);
    }
}
