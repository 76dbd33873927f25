using Microsoft.Extensions.Time.Testing;
using Scanner.Calendar;
using Scanner.Scanners;
using Scanner.Ticker;
using static Scanner.Tests.Unit.Ticker.MarketEvents;

namespace Scanner.Tests.Unit.Ticker;

/// <summary>The trading day ends at 04:00 New York of the next trading day on the market clock, with no event.</summary>
public class DayRolloverTests
{
    private const string Sym = "ROLL";
    private static readonly DateOnly Tuesday = Monday.AddDays(1);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(At(Monday, 15, 0)));
    private readonly TickerDay _day = new(Sym, new MomentumOptions());

    private MarketDayClock MondayAfternoon()
    {
        var clock = new MarketDayClock(_time);
        _day.ApplyReference(Reference(Monday));
        _day.Apply(Bar(Sym, At(Monday, 15, 0), close: 12, accumulatedVolume: 5_000), []);
        _day.Apply(Quote(Sym, At(Monday, 15, 0), bid: 11.99, ask: 12.01), []);
        clock.Observe(At(Monday, 15, 0));
        return clock;
    }

    [Fact]
    public void Rollover_at_04_00_with_no_event()
    {
        var clock = MondayAfternoon();
        _time.SetUtcNow(DateTimeOffset.FromUnixTimeMilliseconds(At(Tuesday, 4, 0) - 1));
        Assert.False(clock.HasEnded(_day.Day));
        Assert.Equal(TimeSpan.FromMilliseconds(1), clock.UntilEndOf(_day.Day));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(clock.HasEnded(_day.Day));
        Assert.True(_day.RollOver(clock.CurrentDay));

        var snapshot = _day.ToSnapshot();
        Assert.Equal(20131008, snapshot.Row.TradingDay);
        Assert.Equal((0, 0.0, 0.0, 0.0), (snapshot.Row.AccumulatedVolume, snapshot.Row.Close, snapshot.BidPrice, snapshot.AskPrice));
        Assert.Null(snapshot.Reference); // Monday's reference is not Tuesday's
        Assert.False(_day.HasEvents);
    }

    [Fact]
    public void A_day_that_ended_is_rolled_over_only_once_and_never_back()
    {
        MondayAfternoon();
        Assert.True(_day.RollOver(20131008));
        Assert.False(_day.RollOver(20131008));
        Assert.False(_day.RollOver(20131007));
    }

    [Fact]
    public void Friday_stands_over_the_weekend_until_monday_04_00()
    {
        var friday = new DateOnly(2013, 10, 11);
        var clock = new MarketDayClock(new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(At(friday.AddDays(2), 23, 0))));
        Assert.False(clock.HasEnded(TradingCalendar.ToNumber(friday)));
        Assert.Equal(TimeSpan.FromHours(5), clock.UntilEndOf(TradingCalendar.ToNumber(friday)));
    }

    [Fact]
    public void The_clock_follows_the_market_time_of_a_replayed_day()
    {
        // Wall clock years later than the replayed Monday: the replay's day is not over because the calendar says so.
        var wall = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero));
        var clock = new MarketDayClock(wall);
        clock.Observe(At(Monday, 15, 0));
        Assert.False(clock.HasEnded(TradingCalendar.ToNumber(Monday)));

        wall.Advance(TimeSpan.FromHours(13));
        Assert.True(clock.HasEnded(TradingCalendar.ToNumber(Monday)));
        Assert.Equal(20131008, clock.CurrentDay);

        // A reactivated grain gets the persisted offset back and reads the same market time.
        Assert.Equal(clock.NowUnixMs, new MarketDayClock(wall, clock.OffsetMs).NowUnixMs);
    }
}
