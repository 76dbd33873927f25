using Scanner.Cluster;

namespace Scanner.Tests.Unit.Cluster;

public class LeaseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 14, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    [Fact]
    public void Only_one_holder_until_it_expires_or_is_released()
    {
        var lease = new Lease();
        Assert.True(lease.TryAcquire("silo-a", Duration, T0).Granted);

        var refused = lease.TryAcquire("silo-b", Duration, T0.AddSeconds(10));
        Assert.False(refused.Granted);
        Assert.Equal("silo-a", refused.Holder);

        Assert.True(lease.TryAcquire("silo-a", Duration, T0.AddSeconds(10)).Granted); // renewal extends
        Assert.False(lease.TryAcquire("silo-b", Duration, T0.AddSeconds(20)).Granted);

        var takeover = lease.TryAcquire("silo-b", Duration, T0.AddSeconds(25));
        Assert.True(takeover.Granted);
        Assert.Equal(T0.AddSeconds(40), takeover.ExpiresAt);

        Assert.False(lease.Release("silo-a"));
        Assert.True(lease.Release("silo-b"));
        Assert.True(lease.TryAcquire("silo-a", Duration, T0.AddSeconds(26)).Granted);
    }
}
