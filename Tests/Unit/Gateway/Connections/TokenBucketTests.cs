using Microsoft.Extensions.Time.Testing;
using Scanner.Gateway.Connections;

namespace Scanner.Tests.Unit.Gateway.Connections;

public class TokenBucketTests
{
    [Fact]
    public void Allows_the_burst_then_refills_at_the_rate()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(capacity: 3, perSecond: 2, time);
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
        time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
        // A long pause refills only up to the burst.
        time.Advance(TimeSpan.FromSeconds(100));
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
    }
}
