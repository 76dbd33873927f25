using System.Diagnostics;

namespace Scanner.Gateway.Connections;

/// <summary>A token bucket over <see cref="Stopwatch"/> timestamps; used by one reader only, so not thread-safe.</summary>
internal sealed class TokenBucket(double capacity, double perSecond, long startTimestamp)
{
    private readonly double _capacity = capacity;
    private double _tokens = capacity;
    private long _last = startTimestamp;

    public bool TryTake(long timestamp)
    {
        var elapsed = Math.Max(0, timestamp - _last) / (double)Stopwatch.Frequency;
        _last = timestamp;
        _tokens = Math.Min(_capacity, _tokens + elapsed * perSecond);
        if (_tokens < 1)
        {
            return false;
        }
        _tokens -= 1;
        return true;
    }
}
