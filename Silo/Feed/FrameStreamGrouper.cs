using Scanner.MarketData;

namespace Scanner.Silo.Feed;

/// <summary>
/// Splits the events of one frame into one batch per stream (data kind + symbol), keeping feed order within each
/// stream, so a frame costs one stream publication per symbol and kind instead of one per event.
/// Reuses its scratch space; not thread-safe.
/// </summary>
public sealed class FrameStreamGrouper
{
    private readonly Dictionary<(string Namespace, string Symbol), int> _groupOf = [];
    private readonly List<(string Namespace, string Symbol, int Count)> _groups = [];
    private int[] _groupOfEvent = new int[64];

    /// <summary>Appends the batches of <paramref name="events"/> to <paramref name="output"/>.</summary>
    public void Group(IReadOnlyList<FeedEvent> events, List<StreamBatch> output)
    {
        if (events.Count == 0)
        {
            return;
        }
        if (_groupOfEvent.Length < events.Count)
        {
            _groupOfEvent = new int[Math.Max(events.Count, _groupOfEvent.Length * 2)];
        }

        _groupOf.Clear();
        _groups.Clear();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var key = (MarketDataStreams.NamespaceOf(e.Kind), e.Symbol);
            if (!_groupOf.TryGetValue(key, out var group))
            {
                group = _groups.Count;
                _groupOf.Add(key, group);
                _groups.Add((key.Item1, key.Symbol, 0));
            }
            var g = _groups[group];
            _groups[group] = g with { Count = g.Count + 1 };
            _groupOfEvent[i] = group;
        }

        var first = output.Count;
        foreach (var (ns, symbol, count) in _groups)
        {
            output.Add(new StreamBatch(ns, symbol, new FeedEvent[count]));
        }
        Span<int> filled = _groups.Count <= 256 ? stackalloc int[_groups.Count] : new int[_groups.Count];
        filled.Clear();
        for (var i = 0; i < events.Count; i++)
        {
            var group = _groupOfEvent[i];
            output[first + group].Events[filled[group]++] = events[i];
        }
    }
}
