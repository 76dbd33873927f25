using Scanner.Calendar;

namespace Scanner.Scanners;

/// <summary>
/// The clock a trading day ends on, with no event needed: <see cref="TimeProvider"/> time shifted by the offset of
/// the newest event seen, so it reads the feed's market time (the wall clock live, 15 minutes behind on the delayed
/// feed, the replayed day of the simulator). The offset is persisted with the day it decides, so a reactivated
/// grain reads the same market time. Before any event the offset is zero: the wall clock.
/// </summary>
public sealed class MarketDayClock(TimeProvider time, long offsetMs = 0)
{
    private long _newestEvent;

    /// <summary>Market time minus wall time, in ms.</summary>
    public long OffsetMs { get; private set; } = offsetMs;

    public long NowUnixMs => time.GetUtcNow().ToUnixTimeMilliseconds() + OffsetMs;

    /// <summary>The trading day in progress by this clock (a weekend or holiday still belongs to the day before it).</summary>
    public int CurrentDay => TradingCalendar.ToNumber(TradingCalendar.LatestTradingDay(TradingCalendar.TradingDayOf(NowUnixMs)));

    /// <summary>Follows the market time of an event (a newer one than any seen by this clock).</summary>
    public void Observe(long eventUnixMs)
    {
        if (eventUnixMs > _newestEvent)
        {
            _newestEvent = eventUnixMs;
            OffsetMs = eventUnixMs - time.GetUtcNow().ToUnixTimeMilliseconds();
        }
    }

    /// <summary>True when the trading day <paramref name="day"/> (yyyymmdd, 0 = none) has given way to a newer one.</summary>
    public bool HasEnded(int day) => day != 0 && CurrentDay > day;

    /// <summary>How long until <paramref name="day"/> ends by this clock; zero when it has; infinite for no day.</summary>
    public TimeSpan UntilEndOf(int day) =>
        day == 0 ? Timeout.InfiniteTimeSpan
        : TimeSpan.FromMilliseconds(Math.Max(0, TradingCalendar.EndOf(TradingCalendar.FromNumber(day)) - NowUnixMs));
}
