using System.Text;
using System.Text.Json;
using Scanner.ScannerFeeds;
using Scanner.Gateway.Protocol;

namespace Scanner.Tests.Unit.Gateway.Protocol;

public class ServerRepliesTests
{
    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    [Fact]
    public void Status_replies_match_the_original_protocol()
    {
        Assert.Equal("""{"status":"authorized"}""", Text(ServerReplies.Authorized));
        Assert.Equal("""{"status":"invalid key"}""", Text(ServerReplies.InvalidKey));
        Assert.Equal("""{"status":"unauthorized"}""", Text(ServerReplies.Unauthorized));
        Assert.Equal("""{"status":"invalid action"}""", Text(ServerReplies.InvalidAction));
        Assert.Equal("""{"status":"subscribed","feed":"quote:AAPL"}""", Text(ServerReplies.Subscribed("quote:AAPL")));
        Assert.Equal("""{"status":"unsubscribed","feed":"quote:AAPL"}""", Text(ServerReplies.Unsubscribed("quote:AAPL")));
        using var error = JsonDocument.Parse(ServerReplies.Error("too \"big\""));
        Assert.Equal("error", error.RootElement.GetProperty("status").GetString());
        Assert.Equal("too \"big\"", error.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void Get_returns_data_or_null_and_limit_cuts_lists()
    {
        var list = """[{"rank":1,"s":[1,2]},{"rank":2},{"rank":3}]"""u8.ToArray();
        Assert.Equal("""{"cache":"k","data":null}""", Text(ServerReplies.GetResult("k", null, null)));
        Assert.Equal("""{"cache":"k","data":[{"rank":1,"s":[1,2]},{"rank":2},{"rank":3}]}""", Text(ServerReplies.GetResult("k", list, null)));
        Assert.Equal("""{"cache":"k","data":[{"rank":1,"s":[1,2]},{"rank":2}]}""", Text(ServerReplies.GetResult("k", list, 2)));
        Assert.Equal("""{"cache":"k","data":[]}""", Text(ServerReplies.GetResult("k", list, 0)));
        Assert.Equal("""{"cache":"k","data":[{"rank":1,"s":[1,2]},{"rank":2},{"rank":3}]}""", Text(ServerReplies.GetResult("k", list, 99)));
        Assert.Equal("""{"cache":"k","data":{"symbol":"A"}}""", Text(ServerReplies.GetResult("k", """{"symbol":"A"}"""u8.ToArray(), 1)));
    }

    [Fact]
    public void Envelope_names_its_feed_and_embeds_the_payload()
    {
        var update = new ScannerFeedUpdate("quote:AAPL", """{"close":1.5}"""u8.ToArray(), 7, 1_700_000_000_123);
        using var json = JsonDocument.Parse(ScannerFeedEnvelope.Build(update));
        Assert.Equal("quote:AAPL", json.RootElement.GetProperty("feed").GetString());
        Assert.Equal(1.5, json.RootElement.GetProperty("data").GetProperty("close").GetDouble());
        Assert.Equal(7, json.RootElement.GetProperty("version").GetInt64());
        Assert.Equal(1_700_000_000_123, json.RootElement.GetProperty("published_at").GetInt64());
    }
}
