using Scanner.Scanners;
using static Scanner.Tests.Unit.Scanners.Rows;

namespace Scanner.Tests.Unit.Scanners;

/// <summary>A shard after a silo loss: a ticker restarted from older state must not take its ranking row back.</summary>
public class ShardRowsTests
{
    [Fact]
    public void A_restarted_ticker_s_older_row_is_refused_until_it_has_caught_up()
    {
        var rows = new ShardRows(new RankingShardState());
        Assert.True(rows.Apply(Row("SPY", 5000) with { LastEventTimestamp = 2_000 }, version: 10).RowTaken);

        // The ticker reactivated from its 5-second-old write: a higher version, older figures.
        var behind = rows.Apply(Row("SPY", 4000) with { LastEventTimestamp = 1_000 }, version: 1_000_000);
        Assert.True(behind.RefusedOlder);
        Assert.False(behind.RowTaken);
        // A newer event but the accumulated volume not yet back (no bar since): still behind.
        Assert.True(rows.Apply(Row("SPY", 4500) with { LastEventTimestamp = 3_000 }, version: 1_000_001).RefusedOlder);
        Assert.Equal(5000, rows.Find("SPY")!.AccumulatedVolume);

        // The next bar brings the day's volume back: caught up, taken again.
        Assert.True(rows.Apply(Row("SPY", 5200) with { LastEventTimestamp = 3_000 }, version: 1_000_002).RowTaken);
        Assert.Equal(5200, rows.Find("SPY")!.AccumulatedVolume);
    }

    [Fact]
    public void A_late_report_of_a_lower_version_is_ignored_without_counting_as_older()
    {
        var rows = new ShardRows(new RankingShardState());
        rows.Apply(Row("SPY", 5000), version: 20);

        var late = rows.Apply(Row("SPY", 5000) with { PrevDayClose = 9 }, version: 19);

        Assert.False(late.RowTaken);
        Assert.False(late.RefusedOlder);
        Assert.Equal(5, rows.Find("SPY")!.PrevDayClose);
    }

    [Fact]
    public void A_newer_day_starts_over_and_an_older_day_is_ignored()
    {
        var state = new RankingShardState();
        var rows = new ShardRows(state);
        rows.Apply(Row("SPY", 9000, day: 20131007), version: 1);

        var next = rows.Apply(Row("IBM", 10, day: 20131008), version: 2);
        Assert.True(next.StartedDay);
        Assert.Null(rows.Find("SPY"));

        // A new day's first row is never older than yesterday's, however small its volume.
        Assert.True(rows.Apply(Row("SPY", 10, day: 20131008), version: 3).RowTaken);
        Assert.False(rows.Apply(Row("AIG", 10, day: 20131007), version: 4).CurrentDay);
        Assert.Equal(20131008, state.TradingDay);
    }

    [Fact]
    public void Rows_restored_from_storage_still_refuse_older_figures()
    {
        // A reactivated shard has no versions of its own, only the persisted rows.
        var state = new RankingShardState { TradingDay = 20131007 };
        state.Rows["SPY"] = Row("SPY", 5000) with { LastEventTimestamp = 2_000 };
        var rows = new ShardRows(state);

        Assert.True(rows.Apply(Row("SPY", 4000) with { LastEventTimestamp = 1_000 }, version: 1).RefusedOlder);
        Assert.True(rows.Apply(Row("SPY", 5000) with { LastEventTimestamp = 2_500 }, version: 2).RowTaken);
    }
}
