using System.Diagnostics;
using Scanner.MarketData;

namespace Scanner.Benchmarks.Streaming;

/// <summary>
/// Latencies of a load run, shared by the in-process counting grains (benchmark only): a preallocated sample array,
/// so recording allocates nothing. The run says how to read an event's send time with <see cref="Reset"/>.
/// </summary>
internal static class LatencyRecorder
{
    private static long[] _samples = new long[1];
    private static long _count;
    private static long _events;
    private static long _lastReceipt;
    private static Func<MarketEvent, long> _sentTimestamp = static e => e.RawTimestamp;

    public static long Events => Interlocked.Read(ref _events);
    public static long LastReceiptTimestamp => Interlocked.Read(ref _lastReceipt);

    /// <param name="sentTimestamp">The <see cref="Stopwatch"/> timestamp at which an event was sent; 0 counts it without a sample.</param>
    public static void Reset(int capacity, Func<MarketEvent, long> sentTimestamp)
    {
        _sentTimestamp = sentTimestamp;
        _samples = new long[capacity];
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _events, 0);
    }

    public static void Record(MarketEvent e)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _events);
        Volatile.Write(ref _lastReceipt, now);
        var sent = _sentTimestamp(e);
        if (sent == 0) return;
        var slot = Interlocked.Increment(ref _count) - 1;
        var samples = _samples;
        if (slot < samples.Length) samples[slot] = now - sent;
    }

    /// <summary>The latency at each of <paramref name="quantiles"/> of the samples kept.</summary>
    public static TimeSpan[] Quantiles(params double[] quantiles)
    {
        var kept = (int)Math.Min(Interlocked.Read(ref _count), _samples.Length);
        if (kept == 0) return quantiles.Select(_ => TimeSpan.Zero).ToArray();
        var sorted = _samples.AsSpan(0, kept).ToArray();
        Array.Sort(sorted);
        return quantiles.Select(q => Stopwatch.GetElapsedTime(0, sorted[Math.Min(kept - 1, (int)(q * kept))])).ToArray();
    }
}
