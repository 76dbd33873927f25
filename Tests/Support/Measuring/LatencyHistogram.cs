namespace Scanner.Tests.Support.Measuring;

/// <summary>
/// Millisecond latencies counted in preallocated 1 ms buckets, so recording never allocates and quantiles are exact to
/// the millisecond. Values outside [<see cref="Floor"/>, <see cref="Ceiling"/>] land in the edge buckets; negative
/// values are kept, since an event stamped later than it was received says something about the clocks.
/// </summary>
public sealed class LatencyHistogram
{
    public const long Floor = -5_000;
    public const long Ceiling = 120_000;

    private readonly long[] _counts = new long[Ceiling - Floor + 1];

    public long Count { get; private set; }
    public long Max { get; private set; } = long.MinValue;

    public void Record(long milliseconds)
    {
        _counts[Math.Clamp(milliseconds, Floor, Ceiling) - Floor]++;
        Count++;
        Max = Math.Max(Max, milliseconds);
    }

    /// <summary>The smallest recorded value that at least <paramref name="q"/> of the samples do not exceed.</summary>
    public long Quantile(double q)
    {
        if (Count == 0)
        {
            return 0;
        }
        var rank = Math.Max(1, (long)Math.Ceiling(q * Count));
        var seen = 0L;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return i + Floor;
            }
        }
        return Ceiling;
    }

    /// <summary>"p50 a p90 b p99 c max d ms (n)" for a report line.</summary>
    public string Summary() => Count == 0
        ? "no samples"
        : $"p50 {Quantile(0.5)} p90 {Quantile(0.9)} p99 {Quantile(0.99)} max {Max} ms ({Count:N0})";
}
