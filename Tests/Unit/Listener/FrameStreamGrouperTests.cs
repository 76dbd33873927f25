using Scanner.MarketData;
using Scanner.Silo.Feed;

namespace Scanner.Tests.Unit.Listener;

public class FrameStreamGrouperTests
{
    private static Trade Trade(string symbol, long sequence) =>
        new(symbol, 1_000, 1_000, 4, new TradeId((ulong)sequence, null), 3, 10.0, 100, ConditionCodes.Empty, sequence, 0, 0);

    private static Quote Quote(string symbol, long sequence) =>
        new(symbol, 1_000, 1_000, 1, 9.9, 100, 2, 10.1, 200, 0, ConditionCodes.Empty, sequence, 3);

    [Fact]
    public void One_batch_per_kind_and_symbol_in_feed_order()
    {
        FeedEvent[] events = [Trade("AAPL", 1), Quote("AAPL", 2), Trade("MSFT", 3), Trade("AAPL", 4), Quote("AAPL", 5)];
        var batches = new List<StreamBatch>();
        new FrameStreamGrouper().Group(events, batches);

        Assert.Equal(3, batches.Count);
        Assert.Equal((MarketDataStreams.Trades, "AAPL"), (batches[0].Namespace, batches[0].Symbol));
        Assert.Equal([1L, 4L], batches[0].Events.Cast<Trade>().Select(t => t.Sequence));
        Assert.Equal((MarketDataStreams.Quotes, "AAPL"), (batches[1].Namespace, batches[1].Symbol));
        Assert.Equal([2L, 5L], batches[1].Events.Cast<Quote>().Select(q => q.Sequence));
        Assert.Equal((MarketDataStreams.Trades, "MSFT"), (batches[2].Namespace, batches[2].Symbol));
        Assert.Equal(StreamId.Create("trades", "MSFT"), batches[2].StreamId);
    }

    [Fact]
    public void Reuse_across_frames_does_not_leak_groups_and_appends_after_existing_output()
    {
        var grouper = new FrameStreamGrouper();
        var batches = new List<StreamBatch>();
        grouper.Group([.. Enumerable.Range(0, 300).Select(i => (FeedEvent)Trade($"S{i % 100}", i))], batches);
        Assert.Equal(100, batches.Count);
        Assert.All(batches, b => Assert.Equal(3, b.Events.Length));

        grouper.Group([Trade("ZZZ", 1)], batches);
        Assert.Equal(101, batches.Count);
        Assert.Equal("ZZZ", batches[^1].Symbol);
        Assert.Single(batches[^1].Events);
    }
}
