using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Scanner.ServiceDefaults.Health;

/// <summary>
/// Degraded while any of its counters rose within the last window (a minute by default): data is being lost now,
/// whatever the listener's or the connections' state says. Reads in-memory counters only.
/// </summary>
public sealed class LossCounterHealthCheck : IHealthCheck
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(1);

    private readonly (LossCounter Counter, RollingIncrease Increase)[] _counters;
    private readonly string _window;

    public LossCounterHealthCheck(IEnumerable<LossCounter> counters, TimeProvider time, TimeSpan? window = null)
    {
        var span = window ?? DefaultWindow;
        _counters = [.. counters.Select(c => (c, new RollingIncrease(time, span)))];
        _window = span == TimeSpan.FromMinutes(1) ? "minute" : $"{span.TotalSeconds:0} s";
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var reasons = new List<string>();
        foreach (var (counter, increase) in _counters)
        {
            if (increase.Observe(counter.Total()) is var lost and > 0)
            {
                reasons.Add($"{lost} {counter.What} in the last {_window}");
            }
        }
        return Task.FromResult(reasons.Count == 0
            ? HealthCheckResult.Healthy($"no data lost in the last {_window}")
            : HealthCheckResult.Degraded(string.Join("; ", reasons)));
    }
}
