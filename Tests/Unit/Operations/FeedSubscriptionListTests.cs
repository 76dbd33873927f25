using Scanner.Silo.Control;

namespace Scanner.Tests.Unit.Operations;

public class FeedSubscriptionListTests
{
    [Fact]
    public void Splits_comma_lists_trims_and_drops_duplicates()
    {
        Assert.True(MarketFeedSubscriptionList.TryNormalize(["T.*, A.*", "Q.AAPL", "T.*", " LULD.* "], out var subscriptions, out _));
        Assert.Equal(["T.*", "A.*", "Q.AAPL", "LULD.*"], subscriptions);
    }

    [Theory]
    [InlineData("T")]
    [InlineData("t.*")]
    [InlineData("T.")]
    [InlineData("T.*\"}")]
    [InlineData("*")]
    public void Refuses_what_is_not_a_channel_and_target(string parameter)
    {
        Assert.False(MarketFeedSubscriptionList.TryNormalize(["T.*", parameter], out _, out var error));
        Assert.Contains(parameter.Trim(), error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_empty_list()
    {
        Assert.False(MarketFeedSubscriptionList.TryNormalize([" , "], out _, out var error));
        Assert.Contains("at least one", error, StringComparison.Ordinal);
        Assert.False(MarketFeedSubscriptionList.TryNormalize(null, out _, out _));
    }
}
