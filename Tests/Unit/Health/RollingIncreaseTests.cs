using Microsoft.Extensions.Time.Testing;
using Scanner.ServiceDefaults.Health;

namespace Scanner.Tests.Unit.Health;

public class RollingIncreaseTests
{
    [Fact]
    public void Counts_what_rose_within_the_window_and_forgets_what_is_older()
    {
        var time = new FakeTimeProvider();
        var increase = new RollingIncrease(time, TimeSpan.FromMinutes(1));

        Assert.Equal(0, increase.Observe(500));          // history of unknown age: not reported
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(3, increase.Observe(503));
        time.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(3, increase.Observe(503));
        time.Advance(TimeSpan.FromSeconds(10));          // the rise came between 0 s and 10 s: maybe within the last minute
        Assert.Equal(3, increase.Observe(503));
        time.Advance(TimeSpan.FromSeconds(5));           // 70 s: the 10 s sample (503) is now the baseline
        Assert.Equal(7, increase.Observe(510));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, increase.Observe(510));
    }
}
