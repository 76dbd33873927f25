namespace Scanner.Silo.MarketFeed;

/// <summary>The most recent latency samples, for percentiles on a status page (metrics export the full histogram).</summary>
public sealed class LatencyWindow(int capacity)
{
    private readonly Lock _gate = new();
    private readonly double[] _samples = new double[capacity];
    private long _count;

    public void Add(double value)
    {
        lock (_gate)
        {
            _samples[_count++ % _samples.Length] = value;
        }
    }

    /// <summary>Median and 99th percentile of the window; zeros when empty.</summary>
    public (double P50, double P99) Percentiles()
    {
        double[] copy;
        lock (_gate)
        {
            copy = _samples[..(int)Math.Min(_count, _samples.Length)];
        }
        if (copy.Length == 0)
        {
            return (0, 0);
        }
        Array.Sort(copy);
        return (copy[(int)((copy.Length - 1) * 0.50)], copy[(int)((copy.Length - 1) * 0.99)]);
    }
}
