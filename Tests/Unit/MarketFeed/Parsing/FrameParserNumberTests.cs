using System.Globalization;
using Scanner.MarketData;
using static Scanner.Tests.Unit.MarketFeed.Parsing.ParseRun;

namespace Scanner.Tests.Unit.MarketFeed.Parsing;

/// <summary>The parser reads plain decimals itself: it must give exactly what the general parser gives.</summary>
public class FrameParserNumberTests
{
    [Theory]
    [InlineData("114.125")]
    [InlineData("0.4372")]
    [InlineData("-0.5")]
    [InlineData("0")]
    [InlineData("999999999999999")] // 15 digits: the fast path's last
    [InlineData("9999999999999999")] // 16 digits: the general parser's
    [InlineData("0.000000000000001")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("5e-324")]
    [InlineData("2462.9")]
    public void Reads_prices_exactly_as_the_general_parser(string text)
    {
        var trade = Of($$"""[{"ev":"T","sym":"A","p":{{text}}}]""").Single<Trade>();

        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), trade.Price);
    }

    [Fact]
    public void Reads_random_prices_and_sizes_exactly_as_the_general_parser()
    {
        var random = new Random(7);
        for (var i = 0; i < 5_000; i++)
        {
            var digits = random.Next(1, 18);
            var mantissa = random.NextInt64((long)Math.Pow(10, digits - 1), (long)Math.Pow(10, digits));
            var scale = random.Next(0, digits + 1);
            var price = (random.Next(2) == 0 ? "-" : "") + Insert(mantissa.ToString(CultureInfo.InvariantCulture), scale);
            var size = random.NextInt64(-999_999_999_999_999_999, 999_999_999_999_999_999).ToString(CultureInfo.InvariantCulture);

            var trade = Of($$"""[{"ev":"T","sym":"A","p":{{price}},"s":{{size}}}]""").Single<Trade>();

            Assert.Equal(double.Parse(price, CultureInfo.InvariantCulture), trade.Price);
            Assert.Equal(long.Parse(size, CultureInfo.InvariantCulture), trade.Size);
        }
    }

    private static string Insert(string digits, int scale) =>
        scale == 0 ? digits : scale == digits.Length ? "0." + digits : digits[..^scale] + "." + digits[^scale..];
}
