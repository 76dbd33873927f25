namespace Scanner.Pacing;

/// <summary>
/// Paces an action to at most once per interval: a change acts at once when the last action is an interval ago,
/// otherwise one timer runs the action when the interval is over (changes meanwhile ride along). The grain owns
/// the timer; this class only decides, from a <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
public sealed class Pacer(TimeSpan interval, TimeProvider time)
{
    private long _lastAction;
    private bool _acted;
    private bool _scheduled;

    /// <summary>True when the last action is at least an interval ago (or there was none).</summary>
    public bool IsDue => !_acted || time.GetElapsedTime(_lastAction) >= interval;

    /// <summary>Records that the action ran now.</summary>
    public void Acted()
    {
        _lastAction = time.GetTimestamp();
        _acted = true;
    }

    /// <summary>
    /// The wait for a timer to run the action at the end of the interval, or null when a timer is already pending.
    /// </summary>
    public TimeSpan? Schedule()
    {
        if (_scheduled)
        {
            return null;
        }
        _scheduled = true;
        var left = _acted ? interval - time.GetElapsedTime(_lastAction) : TimeSpan.Zero;
        return left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1);
    }

    /// <summary>The pending timer fired: the next change may schedule again.</summary>
    public void TimerFired() => _scheduled = false;
}
