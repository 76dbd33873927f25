using Scanner.ServiceDefaults;
using Scanner.ServiceDefaults.Health;

namespace Scanner.Gateway.Health;

/// <summary>The gateway's readiness conditions, read from state the backend and the metrics keep current.</summary>
internal static class GatewayHealthChecks
{
    public const string BackendLoss = "backend-loss";

    public static IServiceCollection AddGatewayHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ClusterConnectionHealthCheck>(ClusterConnectionHealthCheck.Name, tags: [HealthTags.Ready])
            .AddLossCheck(BackendLoss, sp => BackendLossCounters(sp.GetRequiredService<GatewayMetrics>()));
        return services;
    }

    public static LossCounter[] BackendLossCounters(GatewayMetrics metrics) =>
        [new("feed reads from the cluster failed", () => metrics.BackendFailures)];
}
