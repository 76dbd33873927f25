namespace Scanner.Calendar;

/// <summary>
/// The US equity trading calendar in America/New_York time, from Unix ms instants, so a replayed day behaves
/// exactly like a live one; the grains and the simulator share it. A trading day runs from 04:00 ET to 04:00 ET the
/// next calendar day; its sessions are pre-market [04:00, 09:30), regular [09:30, 16:00) and after-hours
/// [16:00, 20:00). Offsets come from the time zone database, so DST switch days are right. Trading days are the
/// weekdays that are not NYSE full-day holidays (rule-based, see <see cref="HolidaysOf"/>; one-off closures such
/// as national days of mourning are not known, and early closes are not modelled).
/// </summary>
public static class TradingCalendar
{
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static readonly TimeOnly PreMarketOpen = new(4, 0);
    public static readonly TimeOnly RegularOpen = new(9, 30);
    public static readonly TimeOnly RegularClose = new(16, 0);
    public static readonly TimeOnly AfterHoursClose = new(20, 0);

    /// <summary>New York wall-clock time of a Unix ms instant.</summary>
    public static DateTime ToNewYork(long unixMs) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddMilliseconds(unixMs), NewYork);

    /// <summary>The New York calendar date of an instant.</summary>
    public static DateOnly NewYorkDateOf(long unixMs) => DateOnly.FromDateTime(ToNewYork(unixMs));

    /// <summary>The Unix ms of a New York wall-clock time on a day.</summary>
    public static long At(DateOnly day, TimeOnly time) => At(day, time.Ticks / TimeSpan.TicksPerMillisecond);

    /// <summary>The Unix ms of "ms since midnight New York time" on a day (how LEAN data stamps ticks and bars).</summary>
    public static long At(DateOnly day, long msSinceMidnight)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddMilliseconds(msSinceMidnight);
        return new DateTimeOffset(local, NewYork.GetUtcOffset(local)).ToUnixTimeMilliseconds();
    }

    /// <summary>The trading day an instant belongs to: its New York date, or the previous date before 04:00.</summary>
    public static DateOnly TradingDayOf(long unixMs) => DateOnly.FromDateTime(ToNewYork(unixMs) - PreMarketOpen.ToTimeSpan());

    /// <summary>The boundaries of one day as Unix ms, computed once per day so hot paths compare integers.</summary>
    public static TradingDayBounds BoundsOf(DateOnly day) => new(
        day,
        At(day, PreMarketOpen),
        At(day, RegularOpen),
        At(day, RegularClose),
        At(day, AfterHoursClose),
        At(day.AddDays(1), PreMarketOpen));

    /// <summary>The session at an instant: <see cref="MarketSession.Closed"/> all day on weekends and holidays.</summary>
    public static MarketSession SessionAt(long unixMs)
    {
        var day = NewYorkDateOf(unixMs);
        return IsTradingDay(day) ? BoundsOf(day).SessionOf(unixMs) : MarketSession.Closed;
    }

    public static bool IsTradingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day);

    public static bool IsHoliday(DateOnly day) => HolidaysOf(day.Year).Contains(day);

    /// <summary>The day itself when it is a trading day, else the trading day before it.</summary>
    public static DateOnly LatestTradingDay(DateOnly day) => IsTradingDay(day) ? day : PreviousTradingDay(day);

    /// <summary>The last trading day before <paramref name="day"/>.</summary>
    public static DateOnly PreviousTradingDay(DateOnly day)
    {
        do
        {
            day = day.AddDays(-1);
        }
        while (!IsTradingDay(day));
        return day;
    }

    /// <summary>The first trading day after <paramref name="day"/>.</summary>
    public static DateOnly NextTradingDay(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!IsTradingDay(day));
        return day;
    }

    /// <summary>
    /// When the trading day <paramref name="day"/> gives way to the next one: 04:00 New York of the next trading day
    /// (so a Friday's figures stand over the weekend and a holiday).
    /// </summary>
    public static long EndOf(DateOnly day) => At(NextTradingDay(day), PreMarketOpen);

    /// <summary>The <paramref name="count"/> trading days before <paramref name="day"/>, oldest first.</summary>
    public static IReadOnlyList<DateOnly> PreviousTradingDays(DateOnly day, int count)
    {
        var days = new DateOnly[count];
        for (var i = count - 1; i >= 0; i--)
        {
            days[i] = day = PreviousTradingDay(day);
        }
        return days;
    }

    /// <summary>
    /// The NYSE full-day holidays of a year, as observed: New Year's Day, Martin Luther King Jr. Day, Washington's
    /// Birthday, Good Friday, Memorial Day, Juneteenth (from 2022), Independence Day, Labor Day, Thanksgiving and
    /// Christmas. A holiday on a Saturday is observed the Friday before, on a Sunday the Monday after; except New
    /// Year's Day on a Saturday, which is not observed (the exchange does not close the year's last day).
    /// </summary>
    public static IReadOnlySet<DateOnly> HolidaysOf(int year)
    {
        var holidays = new HashSet<DateOnly>
        {
            NthWeekday(year, 1, DayOfWeek.Monday, 3),
            NthWeekday(year, 2, DayOfWeek.Monday, 3),
            Easter(year).AddDays(-2),
            LastWeekday(year, 5, DayOfWeek.Monday),
            Observed(new DateOnly(year, 7, 4)),
            NthWeekday(year, 9, DayOfWeek.Monday, 1),
            NthWeekday(year, 11, DayOfWeek.Thursday, 4),
            Observed(new DateOnly(year, 12, 25)),
        };
        var newYear = new DateOnly(year, 1, 1);
        if (newYear.DayOfWeek != DayOfWeek.Saturday)
        {
            holidays.Add(Observed(newYear));
        }
        if (year >= 2022)
        {
            holidays.Add(Observed(new DateOnly(year, 6, 19)));
        }
        return holidays;
    }

    /// <summary>The day as a compact yyyymmdd number (how rows and persisted state carry it).</summary>
    public static int ToNumber(DateOnly day) => (day.Year * 10000) + (day.Month * 100) + day.Day;

    public static DateOnly FromNumber(int number) => new(number / 10000, number / 100 % 100, number % 100);

    private static DateOnly Observed(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).</summary>
    private static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
