using System.Text;
using Scanner.Silo.MarketFeed.Parsing;

namespace Scanner.Tests.Unit.MarketFeed.Parsing;

public class PlainNumberTests
{
    [Theory]
    [InlineData("0", 1, 0L, 0)]
    [InlineData("-0", 2, 0L, 0)]
    [InlineData("114.125,", 7, 114125L, 3)]
    [InlineData("-0.001}", 6, -1L, 3)]
    [InlineData("123456789012345]", 15, 123456789012345L, 0)]
    [InlineData("1234567890.12345", 16, 123456789012345L, 5)]
    [InlineData("1.5e3", 3, 15L, 1)] // stops short of the exponent
    [InlineData("12x", 2, 12L, 0)]
    public void Reads_a_number_without_exponent_of_at_most_15_digits(string text, int length, long mantissa, int scale)
    {
        Assert.Equal((length, mantissa, scale), (PlainNumber.Read(Encoding.ASCII.GetBytes(text), out var m, out var s), m, s));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("01")]
    [InlineData("-01.5")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("1234567890123456")]
    [InlineData("123456789012345.6")]
    [InlineData("x")]
    public void Reads_nothing_that_is_not_such_a_number(string text)
    {
        Assert.Equal(0, PlainNumber.Read(Encoding.ASCII.GetBytes(text), out _, out _));
    }

    [Fact]
    public void Converts_to_the_nearest_double()
    {
        Assert.Equal((114.125, 0.1, -25.3981), (PlainNumber.ToDouble(114125, 3), PlainNumber.ToDouble(1, 1), PlainNumber.ToDouble(-253981, 4)));
    }
}
