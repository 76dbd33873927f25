namespace Scanner.Scanners;

/// <summary>
/// The global ranking of one scanner, merged from the shards' top-k lists. Lists of an older trading day than the
/// newest one seen are dropped, so the ranking restarts cleanly at the day boundary. A row older than the same
/// symbol's row in the shard's previous list (<see cref="RowFreshness"/>: a shard reactivated from its last write
/// after its silo died) is replaced by that newer row, so the published ranking never goes back.
/// </summary>
public sealed class RankingFeed(RankingScanner scanner)
{
    private readonly Dictionary<int, ShardRanking> _shards = [];

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
        }
        if (_shards.TryGetValue(ranking.Shard, out var previous) && previous.TradingDay == ranking.TradingDay)
        {
            ranking = ranking with { Rows = KeepNewer(ranking.Rows, previous.Rows) };
        }
        _shards[ranking.Shard] = ranking;
        return true;
    }

    private static ScannerRow[] KeepNewer(IReadOnlyList<ScannerRow> rows, IReadOnlyList<ScannerRow> previous)
    {
        var held = previous.ToDictionary(static r => r.Symbol, StringComparer.Ordinal);
        return [.. rows.Select(row => held.TryGetValue(row.Symbol, out var before) && row.IsOlderThan(before) ? before : row)];
    }

    /// <summary>The current global top-k, in rank order.</summary>
    public ScannerRow[] Current() => TopK.Merge(_shards.Values.Select(static s => s.Rows), Scanner);
}
