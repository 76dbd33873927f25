namespace Scanner.ServiceDefaults.Health;

/// <summary>
/// How much an ever-growing counter rose within the last <c>window</c>, from samples taken as it is observed
/// (<see cref="HealthSampler"/> observes every few seconds, so the window holds whatever the load). What the
/// counter held at the first observation is history of unknown age and is not reported. Thread-safe.
/// </summary>
public sealed class RollingIncrease(TimeProvider time, TimeSpan window)
{
    private readonly Lock _gate = new();
    private readonly Queue<(DateTimeOffset At, long Total)> _samples = new();

    /// <summary>Records <paramref name="total"/> now; the increase since the newest sample at least a window old.</summary>
    public long Observe(long total)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _samples.Enqueue((now, total));
            // Keep one sample at or before the window's start as the baseline.
            while (_samples.Count > 1 && IsBaseline(_samples.ElementAt(1).At, now))
            {
                _samples.Dequeue();
            }
            return Math.Max(0, total - _samples.Peek().Total);
        }
    }

    private bool IsBaseline(DateTimeOffset at, DateTimeOffset now) => at <= now - window;
}
