using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Scanner.ServiceDefaults.Health;

/// <summary>
/// Runs the health checks every few seconds whether or not anyone asks, so that the rolling "last minute"
/// windows have samples through the whole minute and the reachability probes stay fresh.
/// </summary>
internal sealed class HealthSampler(HealthCheckService health, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await health.CheckHealthAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
