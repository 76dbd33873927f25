using Scanner.Silo.MarketFeed;

namespace Scanner.Tests.Unit.MarketFeed;

public class ReconnectBackoffTests
{
    [Fact]
    public void Delays_grow_exponentially_within_the_bounds_and_reset()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(7));
        var ceilings = new[] { 1.0, 2, 4, 8, 16, 30, 30, 30 };
        foreach (var ceiling in ceilings)
        {
            var delay = backoff.Next().TotalSeconds;
            Assert.InRange(delay, 1.0, ceiling);
        }
        Assert.Equal(ceilings.Length, backoff.Attempt);
        backoff.Reset();
        Assert.InRange(backoff.Next().TotalSeconds, 1.0, 1.0);
    }

    [Fact]
    public void Jitter_spreads_clients_that_failed_together()
    {
        var delays = Enumerable.Range(0, 50)
            .Select(seed => new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(seed)))
            .Select(b => { for (var i = 0; i < 5; i++) { b.Next(); } return b.Next(); })
            .Distinct()
            .Count();
        Assert.True(delays > 40, $"only {delays} distinct delays out of 50");
    }
}
