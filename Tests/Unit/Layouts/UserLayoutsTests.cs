using System.Text;
using Scanner.Layouts;

using Scanner.Tests.Unit.Gateway;

namespace Scanner.Tests.Unit.Layouts;

public class UserLayoutsTests
{
    [Theory]
    [InlineData("{}", LayoutsCheck.Valid)]
    [InlineData("""{"version":1,"layouts":{"a":{"widgets":[]}}}""", LayoutsCheck.Valid)]
    [InlineData(""" { "a" : 1 } """, LayoutsCheck.Valid)]
    [InlineData("[]", LayoutsCheck.NotAnObject)]
    [InlineData("null", LayoutsCheck.NotAnObject)]
    [InlineData("\"x\"", LayoutsCheck.NotAnObject)]
    [InlineData("{", LayoutsCheck.NotAnObject)]
    [InlineData("{} {}", LayoutsCheck.NotAnObject)]
    [InlineData("", LayoutsCheck.NotAnObject)]
    public void Only_one_whole_json_object_is_valid(string json, LayoutsCheck expected) =>
        Assert.Equal(expected, UserLayouts.Check(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void More_than_64_KiB_is_too_large()
    {
        var body = """{"p":""}""".Length;
        Assert.Equal(LayoutsCheck.Valid, UserLayouts.Check(Encoding.UTF8.GetBytes($$"""{"p":"{{new string('x', 65_536 - body)}}"}""")));
        Assert.Equal(LayoutsCheck.TooLarge, UserLayouts.Check(Encoding.UTF8.GetBytes($$"""{"p":"{{new string('x', 65_537 - body)}}"}""")));
    }
}
