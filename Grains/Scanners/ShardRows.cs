namespace Scanner.Scanners;

/// <summary>
/// The rows a ranking shard holds (its persisted <see cref="RankingShardState"/>): the newest row of each symbol of
/// the current trading day. A report of an older day is ignored, one of a newer day starts that day. Within the day
/// a row is taken only when it is newer than the held one: a higher version than the last taken in this activation
/// (a late report of a grain that moved), and never older figures (<see cref="RowFreshness"/>), so a ticker
/// restarted from older state after its silo died cannot take the rankings back; it is taken again once it has
/// caught up.
/// </summary>
public sealed class ShardRows(RankingShardState state)
{
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);

    /// <summary>
    /// What one report did: whether it was of the current day (its alerts count), started a new day, changed the
    /// symbol's row, or was refused for holding older figures than the row held.
    /// </summary>
    public readonly record struct Outcome(bool CurrentDay, bool StartedDay, bool RowTaken, bool RefusedOlder);

    public Outcome Apply(ScannerRow row, long version)
    {
        if (row.TradingDay < state.TradingDay)
        {
            return new Outcome(false, false, false, false);
        }
        var started = row.TradingDay > state.TradingDay;
        if (started)
        {
            StartDay(row.TradingDay);
        }
        if (_versions.TryGetValue(row.Symbol, out var heldVersion) && version <= heldVersion)
        {
            return new Outcome(true, started, false, false);
        }
        if (state.Rows.TryGetValue(row.Symbol, out var held) && row.IsOlderThan(held))
        {
            return new Outcome(true, started, false, true);
        }
        _versions[row.Symbol] = version;
        state.Rows[row.Symbol] = row;
        return new Outcome(true, started, true, false);
    }

    /// <summary>Drops every row of the day that ended.</summary>
    public void StartDay(int day)
    {
        state.TradingDay = day;
        state.Rows.Clear();
        _versions.Clear();
    }

    /// <summary>The row held for <paramref name="symbol"/>, if any.</summary>
    public ScannerRow? Find(string symbol) => state.Rows.GetValueOrDefault(symbol);
}
