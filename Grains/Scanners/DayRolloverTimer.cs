namespace Scanner.Scanners;

/// <summary>
/// Ends a grain's trading day on its <see cref="MarketDayClock"/>, with no event: one grain timer armed for what is
/// left of the day, at most <see cref="MaxWait"/> ahead so that a market clock running faster than the wall clock (a
/// replay at speed) is caught up with. The grain calls <see cref="Update"/> whenever its day or clock moved.
/// </summary>
public sealed class DayRolloverTimer(MarketDayClock clock, TimeProvider time)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    private IGrainTimer? _timer;
    private Func<int> _day = () => 0;
    private Action<int> _rollOver = _ => { };
    private long _firesAt = long.MaxValue;

    public MarketDayClock Clock => clock;

    /// <summary>
    /// Starts on <paramref name="grain"/>: <paramref name="rollOver"/> gets the new day when the day
    /// <paramref name="day"/> returns (yyyymmdd) has ended, at once when it already has.
    /// </summary>
    public void Start(IGrainBase grain, Func<int> day, Action<int> rollOver)
    {
        _day = day;
        _rollOver = rollOver;
        _timer = grain.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        Update();
    }

    /// <summary>Rolls the day over when it has ended, then arms the timer for the rest of the day.</summary>
    public void Update()
    {
        if (clock.HasEnded(_day()))
        {
            _rollOver(clock.CurrentDay);
        }
        var left = clock.UntilEndOf(_day());
        if (_timer is null || left == Timeout.InfiniteTimeSpan)
        {
            return;
        }
        var wait = left < MaxWait ? left : MaxWait;
        var firesAt = time.GetUtcNow().ToUnixTimeMilliseconds() + (long)wait.TotalMilliseconds;
        if (firesAt < _firesAt)
        {
            _firesAt = firesAt;
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private Task OnTimerAsync(CancellationToken cancellationToken)
    {
        _firesAt = long.MaxValue;
        Update();
        return Task.CompletedTask;
    }
}
