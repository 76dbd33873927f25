using System.Text;
using Scanner.Gateway.Protocol;

namespace Scanner.Tests.Unit.Gateway.Protocol;

public class ClientRequestParserTests
{
    private static ClientRequest Parse(string json) => ClientRequestParser.Parse(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("""{"action":"auth","api_key":"k1"}""", "Auth", "k1")]
    [InlineData("""{"action":"subscribe","feed":"scanners:top_gainers"}""", "Subscribe", "scanners:top_gainers")]
    [InlineData("""{"feed":"quote:AAPL","action":"unsubscribe"}""", "Unsubscribe", "quote:AAPL")]
    [InlineData("""{"action":"get","cache":"scanners:top_volume"}""", "Get", "scanners:top_volume")]
    [InlineData("""{"action":"subscribe","feed":"quote:*","extra":{"nested":[1,2,{"x":null}]}}""", "Subscribe", "quote:*")]
    public void Parses_every_action(string json, string action, string argument)
    {
        var message = Parse(json);
        Assert.Equal(Enum.Parse<ClientAction>(action), message.Action);
        Assert.Equal(argument, message.Argument);
    }

    [Fact]
    public void Get_carries_its_limit()
    {
        Assert.Equal(5, Parse("""{"action":"get","cache":"scanners:top_volume","limit":5}""").Limit);
        Assert.Null(Parse("""{"action":"get","cache":"scanners:top_volume","limit":null}""").Limit);
    }

    [Fact]
    public void Get_layouts_needs_no_argument() => Assert.Equal(ClientAction.GetLayouts, Parse("""{"action":"get_layouts"}""").Action);

    [Theory]
    [InlineData("""{"action":"save_layouts","layouts":{"version":1,"layouts":{"Default":{"widgets":[{"id":"w1","filters":{"price":{"min":1}}}]}}}}""", """{"version":1,"layouts":{"Default":{"widgets":[{"id":"w1","filters":{"price":{"min":1}}}]}}}""")]
    [InlineData("""{"layouts": { "a" : [1, 2] } ,"action":"save_layouts"}""", """{ "a" : [1, 2] }""")]
    [InlineData("""{"action":"save_layouts","layouts":[1]}""", "[1]")]
    [InlineData("""{"action":"save_layouts","layouts":null}""", "null")]
    [InlineData("""{"action":"save_layouts","layouts":"text"}""", "\"text\"")]
    public void Save_layouts_carries_the_value_exactly_as_sent(string json, string layouts)
    {
        var message = Parse(json);
        Assert.Equal(ClientAction.SaveLayouts, message.Action);
        Assert.Equal(layouts, Encoding.UTF8.GetString(message.Layouts!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("\"subscribe\"")]
    [InlineData("{}")]
    [InlineData("""{"action":"subscribe"}""")]
    [InlineData("""{"action":"subscribe","feed":42}""")]
    [InlineData("""{"action":"get","feed":"scanners:top_volume"}""")]
    [InlineData("""{"action":"get","cache":"x","limit":-1}""")]
    [InlineData("""{"action":"get","cache":"x","limit":1.5}""")]
    [InlineData("""{"action":"get","cache":"x","limit":"3"}""")]
    [InlineData("""{"action":"dance","feed":"x"}""")]
    [InlineData("""{"action":"SUBSCRIBE","feed":"x"}""")]
    [InlineData("""{"action":["subscribe"],"feed":"x"}""")]
    [InlineData("""{"action":"subscribe","feed":"x"} {"action":"get","cache":"y"}""")]
    [InlineData("{\"action\":\"subscribe\",\"feed\":\"x\"")]
    [InlineData("""{"a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],"action":"subscribe","feed":"x"}""")]
    [InlineData("""{"action":"save_layouts"}""")]
    [InlineData("""{"action":"save_layouts","layouts":{"a":1}""")]
    public void Anything_else_is_invalid(string json) => Assert.Equal(ClientAction.Invalid, Parse(json).Action);

    [Fact]
    public void Random_bytes_and_mutated_json_never_throw()
    {
        var random = new Random(1234);
        var seeds = new[]
        {
            """{"action":"subscribe","feed":"quote:AAPL"}""",
            """{"action":"get","cache":"scanners:top_gainers","limit":10}""",
            """{"action":"auth","api_key":"abc.def"}""",
        }.Select(Encoding.UTF8.GetBytes).ToArray();
        for (var i = 0; i < 20_000; i++)
        {
            byte[] input;
            if (i % 2 == 0)
            {
                input = new byte[random.Next(0, 64)];
                random.NextBytes(input);
            }
            else
            {
                input = (byte[])seeds[random.Next(seeds.Length)].Clone();
                for (var m = random.Next(1, 4); m > 0; m--)
                {
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                }
            }
            var message = ClientRequestParser.Parse(input);
            Assert.True(message.Action == ClientAction.Invalid || message.Argument is not null);
        }
    }
}
