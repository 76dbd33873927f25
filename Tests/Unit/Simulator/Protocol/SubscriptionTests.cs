using System.Text;
using Scanner.MarketData;
using Scanner.Simulator.Protocol;

namespace Scanner.Tests.Unit.Simulator.Protocol;

public class SubscriptionTests
{
    private static SubscriptionSet Subscribe(params string[] parameters) =>
        parameters.Aggregate(SubscriptionSet.Empty, (set, p) => Subscription.TryParse(p, out var s) ? set.With(s) : throw new ArgumentException(p));

    [Theory]
    [InlineData("T.*", MarketEventKind.Trade, null)]
    [InlineData("Q.AAPL", MarketEventKind.Quote, "AAPL")]
    [InlineData("A.msft", MarketEventKind.SecondAggregate, "MSFT")]
    [InlineData("AM.*", MarketEventKind.MinuteAggregate, null)]
    [InlineData(" LULD.* ", MarketEventKind.Luld, null)]
    [InlineData("NOI.X", MarketEventKind.Imbalance, "X")]
    [InlineData("FMV.BRK.A", MarketEventKind.FairMarketValue, "BRK.A")]
    public void Parses_prefix_and_symbol(string text, MarketEventKind kind, string? symbol)
    {
        Assert.True(Subscription.TryParse(text, out var subscription));
        Assert.Equal(new Subscription(kind, symbol), subscription);
    }

    [Theory]
    [InlineData("")]
    [InlineData("T")]
    [InlineData("T.")]
    [InlineData(".AAPL")]
    [InlineData("XX.AAPL")]
    [InlineData("t.AAPL")]
    public void Rejects_what_is_not_a_subscription(string text)
    {
        Assert.False(Subscription.TryParse(text, out _));
    }

    [Fact]
    public void Matches_wildcards_per_kind_and_symbols_exactly()
    {
        var set = Subscribe("T.*", "A.AAPL");

        Assert.True(set.Matches(MarketEventKind.Trade, "ANY"));
        Assert.True(set.Matches(MarketEventKind.SecondAggregate, "AAPL"));
        Assert.False(set.Matches(MarketEventKind.SecondAggregate, "MSFT"));
        Assert.False(set.Matches(MarketEventKind.MinuteAggregate, "AAPL"));
        Assert.False(set.Matches(MarketEventKind.Quote, "AAPL"));
        Assert.False(set.IsEmpty);
        Assert.True(SubscriptionSet.Empty.IsEmpty);
    }

    [Fact]
    public void Unsubscribing_removes_only_that_entry_and_leaves_the_old_set_untouched()
    {
        var set = Subscribe("T.*", "T.AAPL", "Q.AAPL");
        Assert.True(Subscription.TryParse("T.*", out var allTrades));
        Assert.True(Subscription.TryParse("Q.AAPL", out var appleQuotes));

        var changed = set.Without(allTrades).Without(appleQuotes);

        Assert.True(changed.Matches(MarketEventKind.Trade, "AAPL"));
        Assert.False(changed.Matches(MarketEventKind.Trade, "MSFT"));
        Assert.False(changed.Matches(MarketEventKind.Quote, "AAPL"));
        Assert.True(set.Matches(MarketEventKind.Trade, "MSFT"));
        Assert.True(changed.Without(new Subscription(MarketEventKind.Trade, "AAPL")).IsEmpty);
    }

    [Theory]
    [InlineData("""{"action":"auth","params":"KEY"}""", "auth", "KEY")]
    [InlineData("""{"params":"T.*,A.*","action":"subscribe","extra":[1,{"a":2}]}""", "subscribe", "T.*,A.*")]
    [InlineData("""{"action":"unsubscribe"}""", "unsubscribe", "")]
    public void Reads_client_messages(string json, string action, string parameters)
    {
        Assert.True(ClientMessage.TryParse(Encoding.UTF8.GetBytes(json), out var message));
        Assert.Equal(new ClientMessage(action, parameters), message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"params":"x"}""")]
    [InlineData("""{"action":5}""")]
    [InlineData("{\"action\":\"auth\",\"params\":\"KEY\"")]
    public void Refuses_anything_else(string text)
    {
        Assert.False(ClientMessage.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }
}
