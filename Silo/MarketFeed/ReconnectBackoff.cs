namespace Scanner.Silo.MarketFeed;

/// <summary>
/// Exponential backoff with full jitter: attempt n waits a random time in [min, min(max, min * 2^n)], so that
/// many clients that lost the feed together do not come back together.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan min, TimeSpan max, Random random)
{
    public int Attempt { get; private set; }

    public TimeSpan Next()
    {
        var ceiling = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, Math.Min(Attempt, 30)));
        Attempt++;
        return TimeSpan.FromMilliseconds(min.TotalMilliseconds + (random.NextDouble() * (ceiling - min.TotalMilliseconds)));
    }

    public void Reset() => Attempt = 0;
}
