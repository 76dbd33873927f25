using System.Diagnostics.Metrics;
using Scanner.Ticker;

namespace Scanner.Persistence;

/// <summary>
/// Grain state writes that failed in this silo (ticker days, ranking shards, alert feeds): the metric
/// <c>scanner.grains.state_write_failures</c> and the total the silo's health check reads. Each failed write is
/// retried at the next persist tick, but until one succeeds that state would be lost with its activation.
/// </summary>
public static class StateWriteFailures
{
    private static readonly Counter<long> Counter = TickerMetrics.Meter.CreateCounter<long>(
        "scanner.grains.state_write_failures", "{write}", "Grain state writes that failed (retried at the next persist)");

    private static long _total;

    public static long Total => Interlocked.Read(ref _total);

    public static void Record()
    {
        Interlocked.Increment(ref _total);
        Counter.Add(1);
    }
}
