using Scanner.MarketData;

namespace Scanner.Tests.Unit.MarketData;

public class TradeIdTests
{
    [Theory]
    [InlineData("12345", 12345ul, null)]
    [InlineData("0", 0ul, null)]
    [InlineData("0123", 0ul, "0123")]
    [InlineData("52983525029461A", 0ul, "52983525029461A")]
    [InlineData("99999999999999999999", 0ul, "99999999999999999999")]
    public void Keeps_digits_as_a_number_and_anything_else_as_text(string wire, ulong number, string? text)
    {
        var id = TradeId.Parse(wire);
        Assert.Equal(new TradeId(number, text), id);
        Assert.Equal(wire, id.ToString());
    }
}
