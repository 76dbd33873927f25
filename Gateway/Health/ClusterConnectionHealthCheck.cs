using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scanner.Gateway.Backend;

namespace Scanner.Gateway.Health;

/// <summary>Unhealthy while the gateway has no connection to the cluster: its clients get no updates.</summary>
internal sealed class ClusterConnectionHealthCheck(IScannerFeedBackend backend) : IHealthCheck
{
    public const string Name = "cluster";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(backend.IsConnected
            ? HealthCheckResult.Healthy("connected to the cluster")
            : HealthCheckResult.Unhealthy("no cluster connection: clients get no feed updates"));
}
