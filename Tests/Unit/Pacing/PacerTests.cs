using Microsoft.Extensions.Time.Testing;
using Scanner.Pacing;

using Scanner.Tests.Unit.Ticker;

namespace Scanner.Tests.Unit.Pacing;

public class PacerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Acts_at_once_then_schedules_one_timer_for_the_rest_of_the_interval()
    {
        var pacer = new Pacer(TimeSpan.FromMilliseconds(250), _time);
        Assert.True(pacer.IsDue);
        pacer.Acted();

        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(pacer.IsDue);
        Assert.Equal(TimeSpan.FromMilliseconds(150), pacer.Schedule());
        Assert.Null(pacer.Schedule()); // one timer at a time

        _time.Advance(TimeSpan.FromMilliseconds(150));
        pacer.TimerFired();
        Assert.True(pacer.IsDue);
        pacer.Acted();
        Assert.Equal(TimeSpan.FromMilliseconds(250), pacer.Schedule());
    }

    [Fact]
    public void A_schedule_when_already_due_waits_a_minimal_moment()
    {
        var pacer = new Pacer(TimeSpan.FromMilliseconds(250), _time);
        Assert.Equal(TimeSpan.FromMilliseconds(1), pacer.Schedule());
    }
}
