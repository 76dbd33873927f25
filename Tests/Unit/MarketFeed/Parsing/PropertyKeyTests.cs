using System.Text;
using Scanner.Silo.MarketFeed.Parsing;

namespace Scanner.Tests.Unit.MarketFeed.Parsing;

public class PropertyKeyTests
{
    [Fact]
    public void Every_wire_name_constant_is_the_packed_name()
    {
        var constants = typeof(PropertyKey).GetFields()
            .Where(f => f.IsLiteral && f.Name != nameof(PropertyKey.Unknown))
            .ToDictionary(f => f.Name, f => (ulong)f.GetRawConstantValue()!);
        var names = new Dictionary<string, string>
        {
            ["Ev"] = "ev", ["Sym"] = "sym", ["TickerT"] = "T", ["A"] = "a", ["B"] = "b", ["C"] = "c", ["E"] = "e",
            ["H"] = "h", ["I"] = "i", ["L"] = "l", ["O"] = "o", ["P"] = "p", ["Q"] = "q", ["S"] = "s", ["T"] = "t",
            ["V"] = "v", ["X"] = "x", ["Z"] = "z", ["Ap"] = "ap", ["As"] = "as", ["At"] = "at", ["Av"] = "av",
            ["Ax"] = "ax", ["Bp"] = "bp", ["Bs"] = "bs", ["Bx"] = "bx", ["Dv"] = "dv", ["Op"] = "op", ["Vw"] = "vw",
            ["Dav"] = "dav", ["Fmv"] = "fmv", ["Otc"] = "otc", ["Trfi"] = "trfi", ["Trft"] = "trft",
            ["Status"] = "status", ["Message"] = "message",
        };

        Assert.Equal(names.Keys.Order(), constants.Keys.Order());
        Assert.All(names, n => Assert.Equal(PropertyKey.Pack(Encoding.UTF8.GetBytes(n.Value)), constants[n.Key]));
        Assert.Equal(constants.Count, constants.Values.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("messages!")]
    public void Names_empty_or_longer_than_eight_bytes_are_unknown(string name)
    {
        Assert.Equal(PropertyKey.Unknown, PropertyKey.Pack(Encoding.UTF8.GetBytes(name)));
    }
}
