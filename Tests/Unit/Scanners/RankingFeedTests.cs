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
}
