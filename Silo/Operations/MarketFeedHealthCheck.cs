using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scanner.Silo.MarketFeed;

namespace Scanner.Silo.Operations;

/// <summary>
/// Can market data flow from the feed into the streams? Reads the listener's status: a refused key or a listener
/// that gave up is unhealthy; connecting, backing off, unacknowledged subscriptions, or a lease nobody is known to
/// hold are degraded. A standby silo (another one holds the lease) and a silo with the listener off are healthy.
/// </summary>
public sealed class MarketFeedHealthCheck(MarketFeedListenerStatus status, MarketFeedMetrics metrics, ListenerIdentity identity) : IHealthCheck
{
    public const string Name = "feed-listener";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = status.Snapshot(metrics.Snapshot());
        var state = status.State;
        var holder = status.LeaseHolder;
        var result = Classify(state) switch
        {
            HealthStatus.Unhealthy => HealthCheckResult.Unhealthy($"listener {state}: {snapshot.LastError}"),
            HealthStatus.Degraded => HealthCheckResult.Degraded($"listener {state}" + (snapshot.LastError is { } error ? $": {error}" : "")),
            _ when state == ListenerState.Standby && (holder is null || holder == identity.Name) =>
                HealthCheckResult.Degraded($"no silo is known to hold the feed lease ({snapshot.LastError})"),
            _ when state == ListenerState.Standby => HealthCheckResult.Healthy($"standby: the feed lease is held by {holder}"),
            _ when snapshot.UnacknowledgedSubscriptions.Length > 0 =>
                HealthCheckResult.Degraded($"subscriptions not acknowledged by the feed: {string.Join(", ", snapshot.UnacknowledgedSubscriptions)}"),
            _ when state == ListenerState.Idle => HealthCheckResult.Healthy("listener off on this silo"),
            _ => HealthCheckResult.Healthy("streaming"),
        };
        return Task.FromResult(result);
    }

    /// <summary>What the listener's state alone says: healthy, degraded (recovering by itself) or unhealthy (needs a fix or restart).</summary>
    public static HealthStatus Classify(ListenerState state) => state switch
    {
        ListenerState.Streaming or ListenerState.Standby or ListenerState.Idle => HealthStatus.Healthy,
        ListenerState.AuthFailed or ListenerState.Stopped => HealthStatus.Unhealthy,
        _ => HealthStatus.Degraded,
    };
}
