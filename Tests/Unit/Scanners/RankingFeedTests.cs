using Scanner.Scanners;
using static Scanner.Tests.Unit.Scanners.Rows;

namespace Scanner.Tests.Unit.Scanners;

public class RankingFeedTests
{
    [Fact]
    public void A_symbol_that_falls_out_of_a_shard_list_leaves_the_ranking()
    {
        var feed = new RankingFeed(RankingScanner.TopVolume);
        feed.Update(new ShardRanking(0, 20131007, [Row("A", 500), Row("B", 400)]));
        feed.Update(new ShardRanking(1, 20131007, [Row("C", 450)]));
        Assert.Equal(["A", "C", "B"], feed.Current().Select(r => r.Symbol));

        feed.Update(new ShardRanking(0, 20131007, [Row("A", 500)]));
        Assert.Equal(["A", "C"], feed.Current().Select(r => r.Symbol));
    }

    [Fact]
    public void A_newer_day_drops_the_lists_of_the_older_day()
    {
        var feed = new RankingFeed(RankingScanner.TopVolume);
        feed.Update(new ShardRanking(0, 20131007, [Row("OLD0", 9000, day: 20131007)]));
        feed.Update(new ShardRanking(1, 20131007, [Row("OLD1", 9000, day: 20131007)]));
        feed.Update(new ShardRanking(1, 20131008, [Row("NEW1", 10, day: 20131008)]));
        Assert.Equal(["NEW1"], feed.Current().Select(r => r.Symbol));

        Assert.False(feed.Update(new ShardRanking(0, 20131007, [Row("LATE", 9000, day: 20131007)])));
        Assert.Equal(["NEW1"], feed.Current().Select(r => r.Symbol));
    }

    [Fact]
    public void A_shard_restarted_from_older_rows_does_not_take_the_ranking_back()
    {
        var feed = new RankingFeed(RankingScanner.TopVolume);
        feed.Update(new ShardRanking(0, 20131007, [Row("A", 500) with { LastEventTimestamp = 20 }, Row("B", 400) with { LastEventTimestamp = 20 }]));

        // The shard's silo died: it comes back with its last write, A's row older, B's newer.
        Assert.True(feed.Update(new ShardRanking(0, 20131007, [Row("B", 450) with { LastEventTimestamp = 30 }, Row("A", 300) with { LastEventTimestamp = 10 }])));

        Assert.Equal([("A", 500L), ("B", 450L)], feed.Current().Select(r => (r.Symbol, r.AccumulatedVolume)));
    }

    [Fact]
    public void A_new_activation_replaces_an_older_shard_row_by_the_shown_row_before_ranking()
    {
        // The feed grain and shard 0 died together: the shard comes back with A's older row.
        var feed = new RankingFeed(RankingScanner.TopVolume, [Row("A", 500) with { LastEventTimestamp = 20 }]);
        feed.Update(new ShardRanking(0, 20131007, [Row("B", 450) with { LastEventTimestamp = 30 }, Row("A", 300) with { LastEventTimestamp = 10 }]));
        feed.Update(new ShardRanking(1, 20131007, [Row("C", 400) with { LastEventTimestamp = 30 }]));

        Assert.Equal([("A", 500L), ("B", 450L), ("C", 400L)], feed.Current().Select(r => (r.Symbol, r.AccumulatedVolume)));
    }

    [Fact]
    public void A_shown_row_is_ignored_once_the_shard_has_caught_up()
    {
        var feed = new RankingFeed(RankingScanner.TopVolume, [Row("A", 500) with { LastEventTimestamp = 20 }]);
        feed.Update(new ShardRanking(0, 20131007, [Row("A", 300) with { LastEventTimestamp = 10 }]));
        Assert.Equal([500L], feed.Current().Select(r => r.AccumulatedVolume));

        feed.Update(new ShardRanking(0, 20131007, [Row("A", 600) with { LastEventTimestamp = 25 }]));

        Assert.Equal([600L], feed.Current().Select(r => r.AccumulatedVolume));
    }

    [Fact]
    public void A_new_day_drops_the_shown_rows()
    {
        var feed = new RankingFeed(RankingScanner.TopVolume, [Row("A", 500) with { LastEventTimestamp = 20 }]);
        feed.Update(new ShardRanking(0, 20131008, [Row("A", 10, day: 20131008) with { LastEventTimestamp = 5 }]));

        Assert.Equal([(20131008, 10L)], feed.Current().Select(r => (r.TradingDay, r.AccumulatedVolume)));
    }
}
