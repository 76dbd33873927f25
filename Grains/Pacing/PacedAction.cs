namespace Scanner.Pacing;

/// <summary>
/// An action of a grain run at most once per interval on one grain timer (a <see cref="Pacer"/> decides): a request
/// runs it at once when the last run is an interval ago, otherwise once when the interval is over, however many
/// requests came meanwhile. The action decides itself whether there is anything to do.
/// </summary>
public sealed class PacedAction
{
    private readonly Pacer _pacer;
    private readonly Action _action;
    private readonly IGrainTimer _timer;

    public PacedAction(IGrainBase grain, TimeSpan interval, TimeProvider time, Action action)
    {
        _pacer = new Pacer(interval, time);
        _action = action;
        _timer = grain.RegisterGrainTimer(OnTimer, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
    }

    public void Request()
    {
        if (_pacer.IsDue)
        {
            Run();
        }
        else if (_pacer.Schedule() is { } wait)
        {
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private Task OnTimer(CancellationToken cancellation)
    {
        _pacer.TimerFired();
        Run();
        return Task.CompletedTask;
    }

    private void Run()
    {
        _pacer.Acted();
        _action();
    }
}
