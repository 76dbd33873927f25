using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Streaming.RabbitMQ;

namespace Scanner.Silo.Operations;

/// <summary>Unhealthy while any RabbitMQ stream provider of this silo has no broker connection: no market data can flow through it.</summary>
public sealed class StreamProvidersHealthCheck(RabbitMqStreamStatusBoard board) : IHealthCheck
{
    public const string Name = "rabbitmq";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var providers = board.All;
        var disconnected = providers.Where(p => !p.Connected).Select(p => p.ProviderName).ToArray();
        return Task.FromResult(disconnected.Length == 0
            ? HealthCheckResult.Healthy($"{providers.Count} stream providers connected to RabbitMQ")
            : HealthCheckResult.Unhealthy($"RabbitMQ unreachable: stream providers {string.Join(", ", disconnected)} have no broker connection"));
    }
}
