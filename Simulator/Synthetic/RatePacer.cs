namespace Scanner.Simulator.Synthetic;

/// <summary>
/// Turns a target rate into "how many events are due now": the total since the start follows rate × elapsed time
/// exactly, so rounding never drifts. After a stall it catches up at most <c>maxCatchUp</c> worth of events and
/// forgets the rest, rather than bursting.
/// </summary>
public sealed class RatePacer(double eventsPerSecond, TimeSpan maxCatchUp)
{
    private readonly long _maxBurst = Math.Max(1, (long)(eventsPerSecond * maxCatchUp.TotalSeconds));
    private long _emitted;
    private long _forgotten;

    /// <summary>Events handed out so far.</summary>
    public long Emitted => _emitted;

    /// <summary>Events skipped because the caller fell behind by more than the catch-up allowance.</summary>
    public long Forgotten => _forgotten;

    /// <summary>The events due at <paramref name="elapsed"/> since the start that were not handed out before.</summary>
    public int TakeDue(TimeSpan elapsed)
    {
        var target = (long)(eventsPerSecond * elapsed.TotalSeconds) - _forgotten;
        var due = target - _emitted;
        if (due > _maxBurst)
        {
            _forgotten += due - _maxBurst;
            due = _maxBurst;
        }
        if (due <= 0)
        {
            return 0;
        }
        _emitted += due;
        return (int)due;
    }
}
