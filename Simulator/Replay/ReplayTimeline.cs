namespace Scanner.Simulator.Replay;

/// <summary>
/// Merges the per-symbol event streams (each already in time order) into one stream in time order; ties go to the
/// lower stream index, so a replay is deterministic. Reads each stream lazily: memory stays one event per symbol.
/// </summary>
public sealed class ReplayTimeline : IDisposable
{
    private readonly PriorityQueue<IEnumerator<TimedEvent>, (long Time, int Stream)> _queue = new();

    public ReplayTimeline(IEnumerable<IEnumerable<TimedEvent>> streams)
    {
        var index = 0;
        foreach (var stream in streams)
        {
            Enqueue(stream.GetEnumerator(), index++);
        }
    }

    public bool TryPeekTime(out long emitUnixMs)
    {
        if (_queue.TryPeek(out _, out var priority))
        {
            emitUnixMs = priority.Time;
            return true;
        }
        emitUnixMs = 0;
        return false;
    }

    public bool TryTake(out TimedEvent next)
    {
        if (!_queue.TryDequeue(out var stream, out var priority))
        {
            next = default;
            return false;
        }
        next = stream.Current;
        Enqueue(stream, priority.Stream);
        return true;
    }

    /// <summary>Drops the events due before a market time (the replay's start).</summary>
    public int SkipBefore(long unixMs)
    {
        var skipped = 0;
        while (TryPeekTime(out var time) && time < unixMs && TryTake(out _))
        {
            skipped++;
        }
        return skipped;
    }

    public void Dispose()
    {
        while (_queue.TryDequeue(out var stream, out _))
        {
            stream.Dispose();
        }
    }

    private void Enqueue(IEnumerator<TimedEvent> stream, int index)
    {
        if (stream.MoveNext())
        {
            _queue.Enqueue(stream, (stream.Current.EmitUnixMs, index));
        }
        else
        {
            stream.Dispose();
        }
    }
}
