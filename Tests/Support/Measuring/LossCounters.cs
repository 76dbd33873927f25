using System.Globalization;

namespace Scanner.Tests.Support.Measuring;

/// <summary>
/// The events lost at each stage (simulator drops, frames shed or expired, failed publishes, stream drops), as the
/// cumulative counters of the processes that keep them. A phase of a run counts from its own baseline
/// (<see cref="Since"/>): a process that kept running across a restart (the simulator) has counted the phases before;
/// a restarted process starts from 0, so it is simply left out of the baseline.
/// </summary>
public sealed class LossCounters(IReadOnlyList<(string What, long Count)> counts)
{
    public static readonly LossCounters None = new([]);

    public IReadOnlyList<(string What, long Count)> Counts => counts;

    public long Total => counts.Sum(static c => c.Count);

    public long Of(string what) => counts.FirstOrDefault(c => c.What == what).Count;

    /// <summary>What was lost since <paramref name="baseline"/> (its counters subtracted; those it lacks counted in full).</summary>
    public LossCounters Since(LossCounters baseline) =>
        new(counts.Select(c => (c.What, c.Count - baseline.Of(c.What))).ToList());

    public override string ToString() =>
        string.Join(", ", counts.Select(static c => string.Create(CultureInfo.InvariantCulture, $"{c.What} {c.Count:N0}")));
}
