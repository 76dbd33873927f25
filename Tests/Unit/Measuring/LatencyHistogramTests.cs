using Scanner.Tests.Support.Measuring;

namespace Scanner.Tests.Unit.Measuring;

public class LatencyHistogramTests
{
    [Fact]
    public void Quantiles_are_exact_to_the_millisecond()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 100; ms >= 1; ms--)
        {
            histogram.Record(ms);
        }
        Assert.Equal(50, histogram.Quantile(0.5));
        Assert.Equal(90, histogram.Quantile(0.9));
        Assert.Equal(99, histogram.Quantile(0.99));
        Assert.Equal(100, histogram.Quantile(1));
        Assert.Equal(100, histogram.Max);
        Assert.Equal(100, histogram.Count);
    }

    [Fact]
    public void Negative_values_are_kept_and_values_beyond_the_range_land_at_its_edges()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(-20);
        histogram.Record(LatencyHistogram.Ceiling + 5_000);
        Assert.Equal(-20, histogram.Quantile(0.5));
        Assert.Equal(LatencyHistogram.Ceiling, histogram.Quantile(1));
        Assert.Equal(LatencyHistogram.Ceiling + 5_000, histogram.Max);
    }
}
