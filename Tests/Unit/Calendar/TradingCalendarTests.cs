using Scanner.Calendar;

namespace Scanner.Tests.Unit.Calendar;

public class TradingCalendarTests
{
    private static long Utc(int y, int m, int d, int h, int min) =>
        new DateTimeOffset(y, m, d, h, min, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>
    /// On the Monday after DST ends (2013-11-03 02:00 EDT -> 01:00 EST) New York is UTC-5; on the Monday after it
    /// starts (2014-03-09 02:00 EST -> 03:00 EDT), UTC-4.
    /// </summary>
    [Theory]
    [InlineData(2013, 11, 4, 5)]
    [InlineData(2014, 3, 10, 4)]
    public void Day_starts_at_four_in_new_york_on_the_monday_after_a_dst_switch(int year, int month, int date, int hoursBehindUtc)
    {
        var day = new DateOnly(year, month, date);
        var dayStartUtc = Utc(year, month, date, 4 + hoursBehindUtc, 0);
        Assert.Equal(dayStartUtc, TradingCalendar.At(day, TradingCalendar.PreMarketOpen));
        Assert.Equal(Utc(year, month, date, 9 + hoursBehindUtc, 30), TradingCalendar.At(day, TradingCalendar.RegularOpen));
        Assert.Equal(day.AddDays(-1), TradingCalendar.TradingDayOf(dayStartUtc - 60_000));
        Assert.Equal(day, TradingCalendar.TradingDayOf(dayStartUtc));
    }

    [Fact]
    public void Sessions_follow_the_wall_clock_on_a_dst_switch_day()
    {
        var bounds = TradingCalendar.BoundsOf(new DateOnly(2014, 3, 8)); // Saturday 04:00 EST to Sunday 04:00 EDT: 23 hours
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
        Assert.Equal(20131007, TradingCalendar.ToNumber(new DateOnly(2013, 10, 7)));
        Assert.Equal(new DateOnly(2013, 10, 7), TradingCalendar.FromNumber(20131007));
    }

    [Fact]
    public void Sessions_of_an_instant_follow_the_wall_clock_on_the_first_monday_of_dst()
    {
        Assert.Equal(MarketSession.PreMarket, TradingCalendar.SessionAt(Utc(2014, 3, 10, 13, 29)));
        Assert.Equal(MarketSession.Regular, TradingCalendar.SessionAt(Utc(2014, 3, 10, 13, 30)));
        Assert.Equal(MarketSession.AfterHours, TradingCalendar.SessionAt(Utc(2014, 3, 10, 20, 0)));
        Assert.Equal(MarketSession.Closed, TradingCalendar.SessionAt(Utc(2014, 3, 11, 0, 0)));
        Assert.Equal(MarketSession.Closed, TradingCalendar.SessionAt(Utc(2014, 3, 10, 7, 59)));
    }

    [Fact]
    public void Holidays_and_weekends_are_closed_all_day()
    {
        Assert.Equal(MarketSession.Closed, TradingCalendar.SessionAt(Utc(2024, 7, 4, 14, 0)));
        Assert.Equal(MarketSession.Regular, TradingCalendar.SessionAt(Utc(2024, 7, 5, 14, 0)));
        Assert.Equal(MarketSession.Closed, TradingCalendar.SessionAt(Utc(2013, 10, 5, 15, 0))); // a Saturday
    }

    [Fact]
    public void Holidays_of_a_year_follow_the_nyse_rules()
    {
        DateOnly[] expected2024 =
        [
            new(2024, 1, 1), new(2024, 1, 15), new(2024, 2, 19), new(2024, 3, 29), new(2024, 5, 27),
            new(2024, 6, 19), new(2024, 7, 4), new(2024, 9, 2), new(2024, 11, 28), new(2024, 12, 25),
        ];
        Assert.Equal(expected2024, TradingCalendar.HolidaysOf(2024).Order());

        DateOnly[] expected2013 =
        [
            new(2013, 1, 1), new(2013, 1, 21), new(2013, 2, 18), new(2013, 3, 29), new(2013, 5, 27),
            new(2013, 7, 4), new(2013, 9, 2), new(2013, 11, 28), new(2013, 12, 25),
        ];
        Assert.Equal(expected2013, TradingCalendar.HolidaysOf(2013).Order()); // no Juneteenth before 2022
    }

    [Theory]
    [InlineData("2023-01-02", true)]  // New Year's Day on a Sunday: observed Monday
    [InlineData("2021-12-31", false)] // New Year's Day 2022 on a Saturday: not observed
    [InlineData("2022-06-20", true)]  // Juneteenth on a Sunday: observed Monday
    [InlineData("2021-06-18", false)] // before Juneteenth was a market holiday
    [InlineData("2020-07-03", true)]  // Independence Day on a Saturday: observed Friday
    [InlineData("2021-12-24", true)]  // Christmas on a Saturday: observed Friday
    [InlineData("2022-12-26", true)]  // Christmas on a Sunday: observed Monday
    [InlineData("2025-04-18", true)]  // Good Friday
    [InlineData("2025-04-21", false)] // Easter Monday trades
    public void Observed_holidays(string day, bool holiday) =>
        Assert.Equal(holiday, TradingCalendar.IsHoliday(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Previous_trading_day_skips_a_holiday_weekend()
    {
        Assert.Equal(new DateOnly(2024, 5, 24), TradingCalendar.PreviousTradingDay(new DateOnly(2024, 5, 28))); // Memorial Day
        Assert.Equal(new DateOnly(2024, 3, 28), TradingCalendar.PreviousTradingDay(new DateOnly(2024, 4, 1))); // Good Friday
        Assert.Equal(new DateOnly(2013, 10, 4), TradingCalendar.PreviousTradingDay(new DateOnly(2013, 10, 7)));
        Assert.Equal(new DateOnly(2024, 7, 3), TradingCalendar.LatestTradingDay(new DateOnly(2024, 7, 4)));
        Assert.Equal(new DateOnly(2024, 7, 5), TradingCalendar.LatestTradingDay(new DateOnly(2024, 7, 7)));
        Assert.Equal(new DateOnly(2024, 7, 5), TradingCalendar.LatestTradingDay(new DateOnly(2024, 7, 5)));
    }

    [Fact]
    public void Previous_thirty_sessions_are_trading_days_oldest_first()
    {
        var days = TradingCalendar.PreviousTradingDays(new DateOnly(2013, 10, 7), 30);

        Assert.Equal(30, days.Count);
        Assert.Equal(new DateOnly(2013, 10, 4), days[^1]);
        Assert.Equal(new DateOnly(2013, 8, 23), days[0]); // 6 weeks back, less Labor Day (2013-09-02)
        Assert.DoesNotContain(new DateOnly(2013, 9, 2), days);
        Assert.All(days, d => Assert.True(TradingCalendar.IsTradingDay(d)));
        Assert.Equal(days.Order(), days);
    }
}
