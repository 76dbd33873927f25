using System.Diagnostics;
using Scanner.Gateway.Connections;

namespace Scanner.Tests.Unit.Gateway;

public class TokenBucketTests
{
    [Fact]
    public void Allows_the_burst_then_refills_at_the_rate()
    {
        var bucket = new TokenBucket(capacity: 3, perSecond: 2, startTimestamp: 0);
        Assert.True(bucket.TryTake(0));
        Assert.True(bucket.TryTake(0));
        Assert.True(bucket.TryTake(0));
        Assert.False(bucket.TryTake(0));
        var halfSecond = Stopwatch.Frequency / 2;
        Assert.True(bucket.TryTake(halfSecond));
        Assert.False(bucket.TryTake(halfSecond));
        // A long pause refills only up to the burst.
        var later = halfSecond + Stopwatch.Frequency * 100;
        Assert.True(bucket.TryTake(later));
        Assert.True(bucket.TryTake(later));
        Assert.True(bucket.TryTake(later));
        Assert.False(bucket.TryTake(later));
    }
}
