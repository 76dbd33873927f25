using System.Diagnostics;

namespace Scanner.Benchmarks.Streaming;

/// <summary>
/// Publish-to-grain latencies of the stream load run, shared by the in-process counting grains (benchmark only):
/// a preallocated sample array, so recording allocates nothing.
/// </summary>
internal static class LatencyRecorder
{
    private static long[] _samples = new long[1];
    private static long _count;
    private static long _events;
    private static long _lastReceipt;

    public static long Events => Interlocked.Read(ref _events);
    public static long LastReceiptTimestamp => Interlocked.Read(ref _lastReceipt);

    public static void Reset(int capacity)
    {
        _samples = new long[capacity];
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _events, 0);
    }

    /// <summary>Records one event published at <paramref name="publishedTimestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public static void Record(long publishedTimestamp)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _events);
        Volatile.Write(ref _lastReceipt, now);
        var slot = Interlocked.Increment(ref _count) - 1;
        var samples = _samples;
        if (slot < samples.Length) samples[slot] = now - publishedTimestamp;
    }

    /// <summary>The latency at quantile <paramref name="q"/> of the samples kept.</summary>
    public static TimeSpan[] Quantiles(params double[] quantiles)
    {
        var kept = (int)Math.Min(Interlocked.Read(ref _count), _samples.Length);
        if (kept == 0) return quantiles.Select(_ => TimeSpan.Zero).ToArray();
        var sorted = _samples.AsSpan(0, kept).ToArray();
        Array.Sort(sorted);
        return quantiles.Select(q => Stopwatch.GetElapsedTime(0, sorted[Math.Min(kept - 1, (int)(q * kept))])).ToArray();
    }
}
