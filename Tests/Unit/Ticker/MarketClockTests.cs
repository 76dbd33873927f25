using Scanner.Ticker;

namespace Scanner.Tests.Unit.Ticker;

public class MarketClockTests
{
    private static long Utc(int y, int m, int d, int h, int min) =>
        new DateTimeOffset(y, m, d, h, min, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Day_starts_at_four_in_new_york_on_the_monday_after_dst_ends()
    {
        // 2013-11-03 02:00 EDT -> 01:00 EST: on Monday 2013-11-04 New York is UTC-5.
        var day = new DateOnly(2013, 11, 4);
        Assert.Equal(Utc(2013, 11, 4, 9, 0), MarketClock.At(day, MarketClock.DayStart));
        Assert.Equal(Utc(2013, 11, 4, 14, 30), MarketClock.At(day, MarketClock.RegularOpen));
        Assert.Equal(new DateOnly(2013, 11, 3), MarketClock.TradingDayOf(Utc(2013, 11, 4, 8, 59)));
        Assert.Equal(day, MarketClock.TradingDayOf(Utc(2013, 11, 4, 9, 0)));
    }

    [Fact]
    public void Day_starts_at_four_in_new_york_on_the_monday_after_dst_starts()
    {
        // 2014-03-09 02:00 EST -> 03:00 EDT: on Monday 2014-03-10 New York is UTC-4.
        var day = new DateOnly(2014, 3, 10);
        Assert.Equal(Utc(2014, 3, 10, 8, 0), MarketClock.At(day, MarketClock.DayStart));
        Assert.Equal(Utc(2014, 3, 10, 13, 30), MarketClock.At(day, MarketClock.RegularOpen));
        Assert.Equal(new DateOnly(2014, 3, 9), MarketClock.TradingDayOf(Utc(2014, 3, 10, 7, 59)));
        Assert.Equal(day, MarketClock.TradingDayOf(Utc(2014, 3, 10, 8, 0)));
    }

    [Fact]
    public void Sessions_follow_the_wall_clock_on_a_dst_switch_day()
    {
        var bounds = MarketClock.BoundsOf(new DateOnly(2014, 3, 8)); // Saturday 04:00 EST to Sunday 04:00 EDT: 23 hours
        Assert.Equal(23 * 3_600_000L, bounds.NextStart - bounds.Start);
        Assert.Equal(MarketSession.PreMarket, bounds.SessionOf(bounds.Start));
        Assert.Equal(MarketSession.Regular, bounds.SessionOf(bounds.RegularOpen));
        Assert.Equal(MarketSession.AfterHours, bounds.SessionOf(bounds.RegularClose));
        Assert.Equal(MarketSession.Closed, bounds.SessionOf(bounds.AfterHoursEnd));
        Assert.Equal(MarketSession.PreMarket, bounds.SessionOf(bounds.RegularOpen - 1));
    }

    [Fact]
    public void Day_numbers_round_trip()
    {
        Assert.Equal(20131007, MarketClock.ToNumber(new DateOnly(2013, 10, 7)));
        Assert.Equal(new DateOnly(2013, 10, 7), MarketClock.FromNumber(20131007));
    }
}
