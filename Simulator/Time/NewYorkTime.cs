namespace Scanner.Simulator.Time;

/// <summary>Conversions between New York wall-clock time (which the data and the market hours use) and Unix ms UTC.</summary>
public static class NewYorkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static readonly TimeOnly PreMarketOpen = new(4, 0);
    public static readonly TimeOnly RegularOpen = new(9, 30);
    public static readonly TimeOnly RegularClose = new(16, 0);
    public static readonly TimeOnly AfterHoursClose = new(20, 0);

    /// <summary>Unix ms of a New York wall-clock time on a day.</summary>
    public static long ToUnixMs(DateOnly day, TimeOnly time) => ToUnixMs(day, (long)time.ToTimeSpan().TotalMilliseconds);

    /// <summary>Unix ms of "ms since midnight New York time" on a day (the LEAN tick and bar time).</summary>
    public static long ToUnixMs(DateOnly day, long msSinceMidnight)
    {
        // Offsets change at 02:00 local on DST days; every market time is later than that, so the offset at 04:00 holds.
        var offset = OffsetOf(day);
        var local = day.ToDateTime(TimeOnly.MinValue).AddMilliseconds(msSinceMidnight);
        return new DateTimeOffset(local, offset).ToUnixTimeMilliseconds();
    }

    /// <summary>The UTC offset of New York during the trading hours of a day.</summary>
    public static TimeSpan OffsetOf(DateOnly day) => Zone.GetUtcOffset(day.ToDateTime(PreMarketOpen));

    public static DateTime ToLocal(long unixMs) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime, Zone);

    /// <summary>Unix ms of midnight New York time (the <c>t</c> of a Massive daily bar).</summary>
    public static long MidnightUnixMs(DateOnly day) => ToUnixMs(day, 0L);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(ToLocal(time.GetUtcNow().ToUnixTimeMilliseconds()));

    /// <summary>The day itself on a weekday, else the Friday before (holidays are not modelled).</summary>
    public static DateOnly LatestWeekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(-2),
        _ => day,
    };
}
