namespace Scanner.Scanners;

/// <summary>
/// The global ranking of one scanner, merged from the shards' top-k lists. Lists of an older trading day than the
/// newest one seen are dropped, so the ranking restarts cleanly at the day boundary. A row older
/// (<see cref="RowFreshness"/>) than the same symbol's row in the shard's previous list (a shard reactivated from its
/// last write after its silo died) is replaced by that newer row, and so is one older than the row of the feed's
/// last publication before this activation (<paramref name="shown"/>: the feed grain died too, so it no longer holds
/// the shard's previous list), until the shard's row has caught up; so the published ranking never goes back. The
/// rows are replaced before the merge, so the rank order holds.
/// </summary>
/// <param name="shown">The rows clients were shown before this activation (<see cref="ShownRankingState"/>).</param>
public sealed class RankingFeed(RankingScanner scanner, IEnumerable<ScannerRow>? shown = null)
{
    private readonly Dictionary<int, ShardRanking> _shards = [];
    private readonly Dictionary<string, ScannerRow> _floor = (shown ?? []).ToDictionary(static r => r.Symbol, StringComparer.Ordinal);

    public RankingScanner Scanner { get; } = scanner;

    public int TradingDay { get; private set; }

    /// <summary>Takes a shard's new list; false when it is of an older day and was ignored.</summary>
    public bool Update(ShardRanking ranking)
    {
        if (ranking.TradingDay < TradingDay)
        {
            return false;
        }
        if (ranking.TradingDay > TradingDay)
        {
            TradingDay = ranking.TradingDay;
            foreach (var shard in _shards.Where(s => s.Value.TradingDay < TradingDay).Select(s => s.Key).ToList())
            {
                _shards.Remove(shard);
            }
            foreach (var symbol in _floor.Where(f => f.Value.TradingDay < TradingDay).Select(f => f.Key).ToList())
            {
                _floor.Remove(symbol);
            }
        }
        var previous = _shards.TryGetValue(ranking.Shard, out var list) && list.TradingDay == ranking.TradingDay
            ? list.Rows.ToDictionary(static r => r.Symbol, StringComparer.Ordinal)
            : null;
        _shards[ranking.Shard] = ranking with { Rows = [.. ranking.Rows.Select(row => AboveFloor(KeepNewer(row, previous)))] };
        return true;
    }

    private static ScannerRow KeepNewer(ScannerRow row, Dictionary<string, ScannerRow>? previous) =>
        previous is not null && previous.TryGetValue(row.Symbol, out var before) && row.IsOlderThan(before) ? before : row;

    /// <summary><paramref name="row"/>, or the shown row while it is older; the shown row is dropped once passed.</summary>
    private ScannerRow AboveFloor(ScannerRow row)
    {
        if (!_floor.TryGetValue(row.Symbol, out var floor))
        {
            return row;
        }
        if (row.IsOlderThan(floor))
        {
            return floor;
        }
        _floor.Remove(row.Symbol);
        return row;
    }

    /// <summary>The current global top-k, in rank order.</summary>
    public ScannerRow[] Current() => TopK.Merge(_shards.Values.Select(static s => s.Rows), Scanner);
}
