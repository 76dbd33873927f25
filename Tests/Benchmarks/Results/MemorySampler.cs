using System.Diagnostics;

namespace Scanner.Benchmarks.Results;

/// <summary>A process's resident memory over a run, sampled on a timer into a result's series (for the memory plot).</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly List<double[]> _samples = [];
    private readonly PeriodicTimer _timer;
    private readonly Task _loop;
    private readonly long _start = Stopwatch.GetTimestamp();

    public MemorySampler(TimeSpan interval)
    {
        _timer = new PeriodicTimer(interval);
        Take();
        _loop = Loop();
    }

    /// <summary>The samples so far, <c>[seconds, MB]</c>.</summary>
    public List<double[]> Samples
    {
        get { lock (_samples) return [.. _samples]; }
    }

    public double PeakMegabytes
    {
        get { lock (_samples) return _samples.Max(s => s[1]); }
    }

    private async Task Loop()
    {
        while (await _timer.WaitForNextTickAsync())
        {
            Take();
        }
    }

    private void Take()
    {
        using var self = Process.GetCurrentProcess();
        lock (_samples)
        {
            _samples.Add([Math.Round(Stopwatch.GetElapsedTime(_start).TotalSeconds, 1), Math.Round(self.WorkingSet64 / 1048576.0, 1)]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _timer.Dispose();
        await _loop;
    }
}
