using Scanner.Calendar;
namespace Scanner.Simulator.Time;

/// <summary>
/// The simulated market time (New York time from <see cref="TradingCalendar"/>). It stands at <see cref="StartUnixMs"/> until <see cref="Start"/>, then runs at
/// <see cref="Speed"/> times wall-clock time. At speed 0 ("as fast as possible") it does not run by itself: the
/// replay moves it to each event it sends with <see cref="AdvanceTo"/>. Thread-safe for readers.
/// </summary>
public sealed class SimulatedClock(DateOnly day, TimeOnly start, double speed, TimeProvider time)
{
    private long _startedAtWallTimestamp = -1;
    private long _advancedToUnixMs = TradingCalendar.At(day, start);

    public DateOnly Day { get; } = day;
    public long StartUnixMs { get; } = TradingCalendar.At(day, start);
    public double Speed { get; } = speed;

    public void Start()
    {
        Interlocked.CompareExchange(ref _startedAtWallTimestamp, time.GetTimestamp(), -1);
    }

    public long NowUnixMs
    {
        get
        {
            if (Speed == 0)
            {
                return Volatile.Read(ref _advancedToUnixMs);
            }
            var started = Volatile.Read(ref _startedAtWallTimestamp);
            return started < 0 ? StartUnixMs : StartUnixMs + (long)(time.GetElapsedTime(started).TotalMilliseconds * Speed);
        }
    }

    /// <summary>At speed 0, moves the clock forward to a market time (never back).</summary>
    public void AdvanceTo(long unixMs)
    {
        long current;
        while (unixMs > (current = Volatile.Read(ref _advancedToUnixMs)))
        {
            if (Interlocked.CompareExchange(ref _advancedToUnixMs, unixMs, current) == current)
            {
                return;
            }
        }
    }

    /// <summary>The wall-clock wait until the clock shows a market time (zero when past, or at speed 0).</summary>
    public TimeSpan WallTimeUntil(long unixMs)
    {
        if (Speed == 0)
        {
            return TimeSpan.Zero;
        }
        var ahead = unixMs - NowUnixMs;
        return ahead <= 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(ahead / Speed);
    }
}
