using Scanner.Simulator.Time;
using Scanner.Calendar;

namespace Scanner.Tests.Unit.Simulator.Time;

public class SimulatedClockTests
{
    private static readonly DateOnly Day = new(2013, 10, 7);

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualTime : TimeProvider
    {
        public long Ticks { get; set; }
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
        public void Advance(TimeSpan by) => Ticks += by.Ticks;
    }

    [Fact]
    public void Stands_at_the_start_until_started_then_runs_at_its_speed()
    {
        var time = new ManualTime();
        var clock = new SimulatedClock(Day, new TimeOnly(9, 25), speed: 60, time);
        var start = TradingCalendar.At(Day, new TimeOnly(9, 25));

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(start, clock.NowUnixMs);

        clock.Start();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(start + 5 * 60_000, clock.NowUnixMs);
        Assert.Equal(MarketSession.Regular, TradingCalendar.SessionAt(clock.NowUnixMs));
        Assert.Equal(TimeSpan.FromSeconds(1), clock.WallTimeUntil(clock.NowUnixMs + 60_000));
        Assert.Equal(TimeSpan.Zero, clock.WallTimeUntil(start));
    }

    [Fact]
    public void At_speed_zero_it_moves_only_forward_to_the_events_sent()
    {
        var time = new ManualTime();
        var clock = new SimulatedClock(Day, new TimeOnly(4, 0), speed: 0, time);
        clock.Start();
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(clock.StartUnixMs, clock.NowUnixMs);

        clock.AdvanceTo(clock.StartUnixMs + 1_000);
        clock.AdvanceTo(clock.StartUnixMs + 500);
        Assert.Equal(clock.StartUnixMs + 1_000, clock.NowUnixMs);
    }

    [Fact]
    public void Pausing_stops_the_market_time_and_resuming_runs_on_from_there()
    {
        var time = new ManualTime();
        var clock = new SimulatedClock(Day, new TimeOnly(9, 25), speed: 60, time);
        clock.Start();
        time.Advance(TimeSpan.FromSeconds(1));
        var paused = clock.StartUnixMs + 60_000;

        clock.Pause();
        time.Advance(TimeSpan.FromHours(1));
        Assert.True(clock.IsPaused);
        Assert.Equal(paused, clock.NowUnixMs);
        Assert.Equal(TimeSpan.MaxValue, clock.WallTimeUntil(paused + 1));

        clock.Resume();
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(clock.IsPaused);
        Assert.Equal(paused + 120_000, clock.NowUnixMs);
    }

    [Fact]
    public void A_new_speed_applies_from_the_market_time_shown_when_it_changed()
    {
        var time = new ManualTime();
        var clock = new SimulatedClock(Day, new TimeOnly(9, 25), speed: 1, time);
        clock.Start();
        time.Advance(TimeSpan.FromSeconds(10));

        clock.SetSpeed(30);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(30, clock.Speed);
        Assert.Equal(clock.StartUnixMs + 10_000 + 60_000, clock.NowUnixMs);
        Assert.Equal(TimeSpan.FromSeconds(1), clock.WallTimeUntil(clock.NowUnixMs + 30_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetSpeed(0));
    }

    [Fact]
    public void An_as_fast_as_possible_replay_given_a_speed_runs_on_from_the_last_event_sent()
    {
        var time = new ManualTime();
        var clock = new SimulatedClock(Day, new TimeOnly(9, 25), speed: 0, time);
        clock.Start();
        clock.AdvanceTo(clock.StartUnixMs + 5_000);

        clock.SetSpeed(2);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(clock.StartUnixMs + 7_000, clock.NowUnixMs);
    }

    [Theory]
    [InlineData("03:59", "closed")]
    [InlineData("04:00", "extended-hours")]
    [InlineData("09:29", "extended-hours")]
    [InlineData("09:30", "open")]
    [InlineData("15:59", "open")]
    [InlineData("16:00", "extended-hours")]
    [InlineData("20:00", "closed")]
    public void Market_status_follows_new_york_hours(string time, string market)
    {
        Assert.Equal(market, TradingCalendar.SessionAt(TradingCalendar.At(Day, TimeOnly.Parse(time))).MarketValue());
    }

    [Fact]
    public void Weekends_are_closed()
    {
        Assert.Equal(MarketSession.Closed, TradingCalendar.SessionAt(TradingCalendar.At(new DateOnly(2013, 10, 5), new TimeOnly(11, 0))));
    }
}
