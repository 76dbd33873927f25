using Scanner.Calendar;
namespace Scanner.Simulator.Time;

/// <summary>
/// The simulated market time (New York time from <see cref="TradingCalendar"/>). It stands at <see cref="StartUnixMs"/> until <see cref="Start"/>, then runs at
/// <see cref="Speed"/> times wall-clock time. At speed 0 ("as fast as possible", a start-up choice) it does not run by
/// itself: the replay moves it to each event it sends with <see cref="AdvanceTo"/>. Operators may pause it, resume it
/// and change its speed while it runs (the simulator's control API); each of those re-anchors it at the market time
/// it shows, so it never jumps. Thread-safe.
/// </summary>
public sealed class SimulatedClock(DateOnly day, TimeOnly start, double speed, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _speed = speed;
    private bool _started;
    private bool _paused;
    // The market time shown at wall timestamp _anchorWall; the clock runs on from there unless paused.
    private long _anchorUnixMs = TradingCalendar.At(day, start);
    private long _anchorWall;
    private long _advancedToUnixMs = TradingCalendar.At(day, start);

    public DateOnly Day { get; } = day;
    public long StartUnixMs { get; } = TradingCalendar.At(day, start);

    public double Speed
    {
        get
        {
            lock (_gate)
            {
                return _speed;
            }
        }
    }

    public bool IsPaused
    {
        get
        {
            lock (_gate)
            {
                return _paused;
            }
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            if (!_started)
            {
                _started = true;
                _anchorWall = time.GetTimestamp();
            }
        }
    }

    public long NowUnixMs
    {
        get
        {
            lock (_gate)
            {
                return Now();
            }
        }
    }

    /// <summary>Stops the market time where it is until <see cref="Resume"/>.</summary>
    public void Pause()
    {
        lock (_gate)
        {
            Reanchor();
            _paused = true;
        }
    }

    public void Resume()
    {
        lock (_gate)
        {
            Reanchor();
            _paused = false;
        }
    }

    /// <summary>Runs on at <paramref name="speed"/> times wall-clock time from the market time shown now.</summary>
    public void SetSpeed(double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        lock (_gate)
        {
            Reanchor();
            _speed = speed;
        }
    }

    /// <summary>At speed 0, moves the clock forward to a market time (never back).</summary>
    public void AdvanceTo(long unixMs)
    {
        lock (_gate)
        {
            _advancedToUnixMs = Math.Max(_advancedToUnixMs, unixMs);
        }
    }

    /// <summary>
    /// The wall-clock wait until the clock shows a market time: zero when past or at speed 0,
    /// <see cref="TimeSpan.MaxValue"/> while paused (callers cap their waits).
    /// </summary>
    public TimeSpan WallTimeUntil(long unixMs)
    {
        lock (_gate)
        {
            if (_speed == 0)
            {
                return TimeSpan.Zero;
            }
            var ahead = unixMs - Now();
            return ahead <= 0 ? TimeSpan.Zero : _paused ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(ahead / _speed);
        }
    }

    private long Now()
    {
        if (_speed == 0)
        {
            return _advancedToUnixMs;
        }
        return !_started || _paused
            ? _anchorUnixMs
            : _anchorUnixMs + (long)(time.GetElapsedTime(_anchorWall).TotalMilliseconds * _speed);
    }

    private void Reanchor()
    {
        _anchorUnixMs = Now();
        _anchorWall = time.GetTimestamp();
    }
}
