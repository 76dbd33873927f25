using Scanner.Tests.Support.Measuring;

namespace Scanner.Tests.Unit.Measuring;

/// <summary>
/// A cold start's restart phase once counted the simulator's drops since the cold start (its counter runs across
/// the silo restart): a phase's loss is counted from its own baseline.
/// </summary>
public class LossCountersTests
{
    [Fact]
    public void A_phase_counts_from_its_baseline_what_kept_counting_and_in_full_what_restarted()
    {
        var beforeRestart = new LossCounters([("simulator dropped", 302_093)]);
        var afterRestart = new LossCounters([("simulator dropped", 302_100), ("frames expired", 40)]);

        var phase = afterRestart.Since(beforeRestart);

        Assert.Equal(7, phase.Of("simulator dropped"));
        Assert.Equal(40, phase.Of("frames expired"));
        Assert.Equal(47, phase.Total);
        Assert.Equal("simulator dropped 7, frames expired 40", phase.ToString());
    }

    [Fact]
    public void From_no_baseline_everything_counts()
    {
        var cold = new LossCounters([("simulator dropped", 213_192), ("frames expired", 4_030)]);

        Assert.Equal(217_222, cold.Since(LossCounters.None).Total);
    }
}
