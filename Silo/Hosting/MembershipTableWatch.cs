using System.Diagnostics.Metrics;

namespace Scanner.Silo.Hosting;

/// <summary>
/// Runs <see cref="MembershipTableRecovery"/> every <see cref="Interval"/> in a silo that keeps its membership in
/// Redis. Logs once per condition (the table lost and restored; checks failing, then succeeding again), not per
/// check; restores and failed checks are counted in metrics and read by the silo's health.
/// </summary>
public sealed partial class MembershipTableWatch(
    MembershipTableRecovery recovery, TimeProvider time, ILogger<MembershipTableWatch> logger) : BackgroundService
{
    /// <summary>How often the table is read: a lost table is back within this much (Orleans refreshes every 60 s).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private static readonly Meter Meter = new("Scanner.Cluster");
    private static readonly Counter<long> Restores = Meter.CreateCounter<long>(
        "scanner.cluster.membership_restores", description: "Membership tables restored from the silo's view after the store lost them");
    private static readonly Counter<long> FailedChecks = Meter.CreateCounter<long>(
        "scanner.cluster.membership_check_failures", description: "Membership table checks that could neither read nor restore the table");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first check at once: a table lost before the silo's first view could not be restored.
        using var timer = new PeriodicTimer(Interval, time);
        var failing = false;
        do
        {
            failing = await CheckAsync(failing, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One check; returns whether checks are failing now.</summary>
    private async Task<bool> CheckAsync(bool failing, CancellationToken stoppingToken)
    {
        try
        {
            if (await recovery.CheckAsync(stoppingToken))
            {
                Restores.Add(1);
                LogRestored(logger);
            }
            if (failing)
            {
                LogReadable(logger);
            }
            return false;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            FailedChecks.Add(1);
            if (!failing)
            {
                LogFailing(logger, ex);
            }
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The membership table was lost (store flushed or restarted empty); restored from this silo's view")]
    private static partial void LogRestored(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The membership table can neither be read nor restored; retrying every few seconds")]
    private static partial void LogFailing(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The membership table is readable again")]
    private static partial void LogReadable(ILogger logger);
}
