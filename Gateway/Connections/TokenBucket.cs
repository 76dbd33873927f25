namespace Scanner.Gateway.Connections;

/// <summary>A token bucket over <see cref="TimeProvider"/> timestamps; used by one reader only, so not thread-safe.</summary>
internal sealed class TokenBucket(double capacity, double perSecond, TimeProvider time)
{
    private readonly double _capacity = capacity;
    private double _tokens = capacity;
    private long _last = time.GetTimestamp();

    public bool TryTake()
    {
        var now = time.GetTimestamp();
        var elapsed = Math.Max(0, now - _last) / (double)time.TimestampFrequency;
        _last = now;
        _tokens = Math.Min(_capacity, _tokens + elapsed * perSecond);
        if (_tokens < 1)
        {
            return false;
        }
        _tokens -= 1;
        return true;
    }
}
