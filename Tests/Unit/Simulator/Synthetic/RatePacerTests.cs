using Scanner.Simulator.Synthetic;

namespace Scanner.Tests.Unit.Simulator.Synthetic;

public class RatePacerTests
{
    [Fact]
    public void Hands_out_exactly_rate_times_elapsed_without_rounding_drift()
    {
        var pacer = new RatePacer(20_000, TimeSpan.FromMilliseconds(250));
        var total = 0L;
        for (var ms = 1; ms <= 3_000; ms += 3)
        {
            total += pacer.TakeDue(TimeSpan.FromMilliseconds(ms));
        }

        Assert.Equal((long)(20_000 * 2.998), total);
        Assert.Equal(total, pacer.Emitted);
        Assert.Equal(0, pacer.TakeDue(TimeSpan.FromMilliseconds(2_998)));
    }

    [Fact]
    public void After_a_stall_catches_up_at_most_the_allowance_and_then_keeps_the_rate()
    {
        var pacer = new RatePacer(1_000, TimeSpan.FromMilliseconds(250));
        Assert.Equal(100, pacer.TakeDue(TimeSpan.FromMilliseconds(100)));

        Assert.Equal(250, pacer.TakeDue(TimeSpan.FromSeconds(10)));
        Assert.Equal(10_000 - 100 - 250, pacer.Forgotten);

        Assert.Equal(100, pacer.TakeDue(TimeSpan.FromSeconds(10.1)));
    }
}
