using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Scanner.Ticker;

namespace Scanner.Persistence;

/// <summary>
/// The silo's account of failed grain state writes (one instance per silo): counted in the metric
/// <c>scanner.grains.state_write_failures</c>, readable as <see cref="InLastMinute"/> for the silo's health, and
/// logged once per condition: at the first failure, and when writes succeed again after a minute without failures
/// (so ten thousand grains failing together write two lines, not ten thousand).
/// </summary>
public sealed partial class StateWriteFailures(TimeProvider time, ILogger<StateWriteFailures> logger)
{
    private static readonly Counter<long> Failures = TickerMetrics.Meter.CreateCounter<long>(
        "scanner.grains.state_write_failures", description: "Grain state writes that failed (lost records included)");

    private static readonly Counter<long> Rewrites = TickerMetrics.Meter.CreateCounter<long>(
        "scanner.grains.state_rewrites", description: "Grain states rewritten from memory after storage lost them (etag conflict)");

    private readonly MinuteWindow _window = new(time);
    private long _total;
    private int _failing;

    /// <summary>Failed writes since the silo started (monotonic, for health's rolling "in the last minute").</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Failed writes in the last minute (lost records that were rewritten count too).</summary>
    public long InLastMinute => _window.Count();

    internal void Failed(string owner, Exception exception)
    {
        _window.Add();
        Interlocked.Increment(ref _total);
        Failures.Add(1);
        if (Interlocked.Exchange(ref _failing, 1) == 0)
        {
            LogFirstFailure(logger, exception, owner);
        }
    }

    internal void Rewritten() => Rewrites.Add(1);

    internal void Succeeded()
    {
        if (Volatile.Read(ref _failing) == 1 && _window.Count() == 0 && Interlocked.Exchange(ref _failing, 0) == 1)
        {
            LogRecovered(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain state writes are failing (first: {Owner}); they are retried, and counted in scanner.grains.state_write_failures")]
    private static partial void LogFirstFailure(ILogger logger, Exception exception, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain state writes succeed again (no failure for a minute)")]
    private static partial void LogRecovered(ILogger logger);
}
