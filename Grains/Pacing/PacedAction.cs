namespace Scanner.Pacing;

/// <summary>
/// An action of a grain run at most once per interval on one grain timer (a <see cref="Pacer"/> decides): a request
/// runs it at once when the last run is an interval ago, otherwise once when the interval is over, however many
/// requests came meanwhile. The action decides itself whether there is anything to do; one that returns false did
/// nothing, and the interval keeps counting from its last real run.
/// </summary>
public sealed class PacedAction
{
    private readonly Pacer _pacer;
    private readonly Func<bool> _action;
    private readonly IGrainTimer _timer;

    public PacedAction(IGrainBase grain, TimeSpan interval, TimeProvider time, Action action)
        : this(grain, interval, time, () =>
        {
            action();
            return true;
        })
    {
    }

    /// <param name="action">Runs the action; false when there was nothing to do (the run does not count).</param>
    public PacedAction(IGrainBase grain, TimeSpan interval, TimeProvider time, Func<bool> action)
    {
        _pacer = new Pacer(interval, time);
        _action = action;
        _timer = grain.RegisterGrainTimer(OnTimer, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
    }

    /// <summary>Runs the action now if the last run is an interval ago, otherwise once at the end of the interval.</summary>
    public void Request()
    {
        if (_pacer.IsDue)
        {
            Run();
        }
        else
        {
            Defer();
        }
    }

    /// <summary>Runs the action at the end of the interval (at once on the timer if it is over), never inline.</summary>
    public void Defer()
    {
        if (_pacer.Schedule() is { } wait)
        {
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Runs the action now, whatever the pacing (a day's end, a deactivation).</summary>
    public void RunNow() => Run();

    private Task OnTimer(CancellationToken cancellation)
    {
        _pacer.TimerFired();
        Run();
        return Task.CompletedTask;
    }

    private void Run()
    {
        if (_action())
        {
            _pacer.Acted();
        }
    }
}
