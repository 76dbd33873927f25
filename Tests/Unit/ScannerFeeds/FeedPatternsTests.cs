using Scanner.ScannerFeeds;

using Scanner.Tests.Unit.Gateway;

namespace Scanner.Tests.Unit.ScannerFeeds;

public class FeedPatternsTests
{
    [Theory]
    [InlineData("quote:AAPL", true)]
    [InlineData("scanners:top_gainers", true)]
    [InlineData("daily_range_hod_alert", true)]
    [InlineData("quote:*", true)]
    [InlineData("scanners:*", true)]
    [InlineData("BRK.B", true)]
    [InlineData("chart:AIG", true)]
    [InlineData("trades:BRK.B", true)]
    [InlineData("chart:*", false)]
    [InlineData("trades:*", false)]
    [InlineData("*", false)]
    [InlineData(":*", false)]
    [InlineData("quote:", false)]
    [InlineData(":x", false)]
    [InlineData("", false)]
    [InlineData("quote:A B", false)]
    [InlineData("quote:*x", false)]
    [InlineData("quo*te:", false)]
    [InlineData("quote:AAPL\u00e9", false)]
    public void Validates_names_and_wildcards(string pattern, bool valid) => Assert.Equal(valid, ScannerFeedPatterns.IsValid(pattern));

    [Fact]
    public void Rejects_overlong_names() => Assert.False(ScannerFeedPatterns.IsValid("quote:" + new string('A', 60)));

    [Theory]
    [InlineData("quote:*", "quote:AAPL", true)]
    [InlineData("quote:*", "quote:", false)]
    [InlineData("quote:*", "daily_range:AAPL", false)]
    [InlineData("scanners:*", "scanners:top_volume", true)]
    [InlineData("scanners:*", "daily_range_hod_alert", false)]
    [InlineData("quote:AAPL", "quote:AAPL", true)]
    [InlineData("quote:AAPL", "quote:AAP", false)]
    public void Wildcards_match_their_family_only(string pattern, string feed, bool matches)
    {
        Assert.Equal(matches, ScannerFeedPatterns.Matches(pattern, feed));
        Assert.Equal(matches, new ScannerFeedInterestSet([pattern]).Matches(feed));
    }

    [Fact]
    public void Interest_set_combines_exact_names_and_wildcards()
    {
        var interest = new ScannerFeedInterestSet(["quote:AAPL", "daily_range:*"]);
        Assert.True(interest.Matches("quote:AAPL"));
        Assert.False(interest.Matches("quote:MSFT"));
        Assert.True(interest.Matches("daily_range:MSFT"));
        Assert.False(interest.IsEmpty);
        Assert.True(ScannerFeedInterestSet.Empty.IsEmpty);
        Assert.False(ScannerFeedInterestSet.Empty.Matches("quote:AAPL"));
    }

    [Theory]
    [InlineData("quote:AIG", "AIG")]
    [InlineData("daily_range:AIG", "AIG")]
    [InlineData("chart:BRK.B", "BRK.B")]
    [InlineData("trades:AIG", "AIG")]
    [InlineData("chart:", null)]
    [InlineData("scanners:top_volume", null)]
    public void Per_symbol_feeds_name_their_ticker(string feed, string? symbol) => Assert.Equal(symbol, ScannerFeedNames.SymbolOf(feed));
}
