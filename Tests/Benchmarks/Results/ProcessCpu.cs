using System.Diagnostics;

namespace Scanner.Benchmarks.Results;

/// <summary>
/// CPU seconds (user + system) spent by a set of processes: this one and, where a broker does part of the work, the
/// broker's, so that a provider's cost per event holds both ends.
/// </summary>
internal sealed class ProcessCpu(params int[] processIds)
{
    public double Seconds() => processIds.Sum(id =>
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return process.TotalProcessorTime.TotalSeconds;
        }
        catch (ArgumentException)
        {
            return 0; // gone
        }
    });
}
