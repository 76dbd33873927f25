namespace Scanner.ScannerFeeds;

/// <summary>
/// The updates waiting for the next flush, coalesced to the newest version per feed: a feed that changes a hundred
/// times between flushes costs one delivery. Thread-safe; grains add from many threads, the flush loop drains.
/// </summary>
internal sealed class PendingScannerFeedUpdates
{
    private readonly Lock _gate = new();
    private Dictionary<string, ScannerFeedUpdate> _filling = new(StringComparer.Ordinal);
    private Dictionary<string, ScannerFeedUpdate> _spare = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="update"/>; returns true when it replaced an older pending value of its feed.</summary>
    public bool Add(ScannerFeedUpdate update)
    {
        lock (_gate)
        {
            if (_filling.TryGetValue(update.Feed, out var pending))
            {
                if (pending.Version < update.Version)
                {
                    _filling[update.Feed] = update;
                }
                return true;
            }
            _filling[update.Feed] = update;
            return false;
        }
    }

    /// <summary>Moves every pending update into <paramref name="into"/> (cleared first).</summary>
    public void Drain(List<ScannerFeedUpdate> into)
    {
        into.Clear();
        Dictionary<string, ScannerFeedUpdate> taken;
        lock (_gate)
        {
            if (_filling.Count == 0)
            {
                return;
            }
            taken = _filling;
            _filling = _spare;
        }
        into.AddRange(taken.Values);
        taken.Clear();
        lock (_gate)
        {
            _spare = taken;
        }
    }
}
