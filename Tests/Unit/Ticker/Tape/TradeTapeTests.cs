using Scanner.MarketData;
using Scanner.Ticker.Tape;
using static Scanner.Tests.Unit.Ticker.MarketEvents;
using System.Text.Json;

namespace Scanner.Tests.Unit.Ticker.Tape;

public class TradeTapeTests
{
    private const string Sym = "AIG";

    [Theory]
    [InlineData(10.02, 10.00, 10.02, TradeSide.Buy)]
    [InlineData(10.03, 10.00, 10.02, TradeSide.Buy)]
    [InlineData(10.00, 10.00, 10.02, TradeSide.Sell)]
    [InlineData(9.99, 10.00, 10.02, TradeSide.Sell)]
    [InlineData(10.01, 10.00, 10.02, TradeSide.Mid)]
    [InlineData(10.00, 10.00, 10.00, TradeSide.Buy)]   // locked: at the ask first
    [InlineData(10.01, 0, 0, TradeSide.Unknown)]
    [InlineData(10.01, 10.00, 0, TradeSide.Unknown)]    // above a bid with no ask: cannot tell
    [InlineData(9.00, 10.00, 0, TradeSide.Sell)]
    public void Sides_are_read_against_the_bid_and_ask(double price, double bid, double ask, TradeSide side) =>
        Assert.Equal(side, TradeSides.Classify(price, bid, ask));

    [Fact]
    public void Each_trade_is_classified_against_the_quote_at_its_time_whatever_the_order_they_arrive_in()
    {
        var tape = new TradeTape();
        var t0 = At(Monday, 10, 0);
        tape.Apply(Quote(Sym, t0 + 100, 10.00, 10.02));
        tape.Apply(Quote(Sym, t0 + 300, 10.10, 10.12)); // the quote stream runs ahead
        tape.Apply(Trade(Sym, t0 + 200, 10.02));         // at the ask of its time (below the bid of the newer quote)
        tape.Apply(Trade(Sym, t0 + 400, 10.10));         // at the newer bid
        tape.Apply(Trade(Sym, t0 + 50, 10.01));          // older than every quote: the oldest is the nearest

        Assert.Equal([TradeSide.Mid, TradeSide.Sell, TradeSide.Buy], tape.NewestFirst().Select(t => t.Side));
    }

    [Fact]
    public void Without_a_quote_the_side_is_unknown_and_null_on_the_wire()
    {
        var tape = new TradeTape();
        tape.Apply(Trade(Sym, At(Monday, 10, 0), 10.01, 300, conditions: ConditionCodes.Of(14, 41)));
        using var json = JsonDocument.Parse(TapeJson.ToObject(Sym, tape));
        var trade = json.RootElement.GetProperty("trades")[0];
        Assert.Equal(JsonValueKind.Null, trade.GetProperty("side").ValueKind);
        Assert.Equal(At(Monday, 10, 0), trade.GetProperty("t").GetInt64());
        Assert.Equal(10.01, trade.GetProperty("p").GetDouble());
        Assert.Equal(300, trade.GetProperty("s").GetInt64());
        Assert.Equal(4, trade.GetProperty("x").GetInt32());
        Assert.Equal([14, 41], trade.GetProperty("c").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(Sym, json.RootElement.GetProperty("symbol").GetString());
    }

    [Fact]
    public void The_tape_keeps_the_last_100_trades_newest_first()
    {
        var tape = new TradeTape();
        tape.AddQuote(At(Monday, 9, 0), 1.00, 1.10);
        for (var i = 1; i <= 150; i++)
        {
            tape.Apply(Trade(Sym, At(Monday, 10, 0) + i, 1.10, size: i));
        }
        Assert.Equal(TradeTape.Capacity, tape.Count);
        Assert.Equal(Enumerable.Range(51, 100).Reverse().Select(i => (long)i), tape.NewestFirst().Select(t => t.Size));
        using var json = JsonDocument.Parse(TapeJson.ToObject(Sym, tape));
        Assert.Equal(100, json.RootElement.GetProperty("trades").GetArrayLength());
        Assert.Equal("buy", json.RootElement.GetProperty("trades")[0].GetProperty("side").GetString());
    }

    [Fact]
    public void No_tape_is_an_empty_list()
    {
        using var json = JsonDocument.Parse(TapeJson.ToObject(Sym, null));
        Assert.Equal(0, json.RootElement.GetProperty("trades").GetArrayLength());
    }
}
