using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Scanner.ServiceDefaults.Health;

/// <summary>
/// Whether a dependency (Redis) accepts TCP connections: probed in the background every few seconds, and
/// reported as a health check from the last result, so a health request never waits on the network.
/// </summary>
public sealed class TcpReachabilityProbe(string name, string host, int port, TimeProvider time) : BackgroundService, IHealthCheck
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    private volatile ProbeResult? _last;

    public async Task ProbeOnceAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await client.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            _last = new ProbeResult(true, null, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is OperationCanceledException ? $"no answer within {ConnectTimeout.TotalSeconds:0} s" : ex.Message;
            _last = new ProbeResult(false, reason, time.GetUtcNow());
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_last switch
        {
            null => HealthCheckResult.Degraded($"{name} at {host}:{port} not probed yet"),
            { Reachable: true } => HealthCheckResult.Healthy($"{name} at {host}:{port} reachable"),
            var failed => HealthCheckResult.Unhealthy($"{name} unreachable at {host}:{port} ({failed.Reason}, checked {failed.At:O})"),
        });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await ProbeOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private sealed record ProbeResult(bool Reachable, string? Reason, DateTimeOffset At);
}
