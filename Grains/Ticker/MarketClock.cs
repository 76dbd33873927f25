namespace Scanner.Ticker;

/// <summary>
/// The trading-day calendar in America/New_York time, from Unix ms event times, so that a replayed day behaves
/// exactly like a live one. A trading day runs from 04:00 ET to 04:00 ET the next calendar day; its sessions are
/// pre-market [04:00, 09:30), regular [09:30, 16:00) and after-hours [16:00, 20:00). The offsets come from the time
/// zone database, so DST switch days are handled. Exchange holidays are not known here: a holiday simply has no
/// events.
/// </summary>
public static class MarketClock
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static readonly TimeSpan DayStart = new(4, 0, 0);
    public static readonly TimeSpan RegularOpen = new(9, 30, 0);
    public static readonly TimeSpan RegularClose = new(16, 0, 0);
    public static readonly TimeSpan AfterHoursEnd = new(20, 0, 0);

    /// <summary>New York local time of a Unix ms instant.</summary>
    public static DateTime ToNewYork(long unixMs) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddMilliseconds(unixMs), NewYork);

    /// <summary>The trading day an instant belongs to: its New York date, or the previous date before 04:00.</summary>
    public static DateOnly TradingDayOf(long unixMs) => DateOnly.FromDateTime(ToNewYork(unixMs) - DayStart);

    /// <summary>The Unix ms of <paramref name="time"/> (New York wall clock) on <paramref name="day"/>.</summary>
    public static long At(DateOnly day, TimeSpan time)
    {
        var local = DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) + time, DateTimeKind.Unspecified);
        return (long)(TimeZoneInfo.ConvertTimeToUtc(local, NewYork) - DateTime.UnixEpoch).TotalMilliseconds;
    }

    /// <summary>The boundaries of one trading day as Unix ms, computed once per day so hot paths compare integers.</summary>
    public static TradingDayBounds BoundsOf(DateOnly day) => new(
        day,
        At(day, DayStart),
        At(day, RegularOpen),
        At(day, RegularClose),
        At(day, AfterHoursEnd),
        At(day.AddDays(1), DayStart));

    /// <summary>The day as a compact yyyymmdd number (how rows and persisted state carry it).</summary>
    public static int ToNumber(DateOnly day) => (day.Year * 10000) + (day.Month * 100) + day.Day;

    public static DateOnly FromNumber(int number) => new(number / 10000, number / 100 % 100, number % 100);
}
