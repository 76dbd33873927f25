using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Scanner.Gateway.Auth;
using Scanner.Gateway.Hosting;
using Scanner.Layouts;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Unit.Gateway.Connections;

/// <summary>get_layouts and save_layouts of one client, driven without a socket (docs/contracts/client-protocol.md#layouts).</summary>
public class ClientSessionLayoutsTests
{
    private const string Saved = """{"version":1,"current":"Default","layouts":{"Default":{"widgets":[{"id":"w1","type":"chart","feed":"chart:AIG","x":0,"y":0,"w":4,"h":3,"link":"red","filters":{"price":{"min":1}}}]}}}""";

    [Fact]
    public async Task Layouts_are_null_before_the_first_save_then_what_was_saved_as_anonymous_while_auth_is_off()
    {
        var gateway = new GatewayHarness();
        var (session, channel) = gateway.Open();

        await session.SendAsync("""{"action":"get_layouts"}""");
        Assert.True(channel.Last.IsStatus("layouts"));
        Assert.Equal(JsonValueKind.Null, channel.Last.GetProperty("layouts").ValueKind);

        await session.SendAsync($$"""{"action":"save_layouts","layouts":{{Saved}}}""");
        Assert.True(channel.Last.IsStatus("layouts_saved"));
        Assert.Equal(Saved, Encoding.UTF8.GetString(gateway.Backend.Layouts[UserLayouts.AnonymousUser]));

        // Another browser of the same user.
        var (other, otherChannel) = gateway.Open();
        await other.SendAsync("""{"action":"get_layouts"}""");
        Assert.Equal(Saved, otherChannel.Last.GetProperty("layouts").GetRawText());
    }

    [Fact]
    public async Task Each_signed_in_user_has_their_own_layouts()
    {
        var gateway = new GatewayHarness(auth: new AuthOptions { Enabled = true, TokenSecret = "unit-secret", Users = { ["bob"] = "b", ["eve"] = "e" } });
        var (bob, bobChannel) = gateway.Open();
        var (eve, eveChannel) = gateway.Open();
        Assert.True(bob.TryAuthorize("bob"));
        Assert.True(eve.TryAuthorize("eve"));

        await bob.SendAsync("""{"action":"save_layouts","layouts":{"mine":"bob"}}""");
        await eve.SendAsync("""{"action":"get_layouts"}""");
        Assert.Equal(JsonValueKind.Null, eveChannel.Last.GetProperty("layouts").ValueKind);
        await bob.SendAsync("""{"action":"get_layouts"}""");
        Assert.Equal("bob", bobChannel.Last.GetProperty("layouts").GetProperty("mine").GetString());
        Assert.Equal(["bob"], gateway.Backend.Layouts.Keys);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("\"{}\"")]
    [InlineData("42")]
    public async Task Anything_but_an_object_is_invalid_layouts_and_the_socket_stays_open(string layouts)
    {
        var gateway = new GatewayHarness();
        var (session, channel) = gateway.Open();
        await session.SendAsync($$"""{"action":"save_layouts","layouts":{{layouts}}}""");
        Assert.Equal("error", channel.Last.Str("status"));
        Assert.Equal("invalid layouts", channel.Last.Str("error"));
        Assert.Null(channel.Closed);
        Assert.Empty(gateway.Backend.Layouts);
        Assert.Equal(1, gateway.Metrics.ProtocolErrors);
    }

    [Fact]
    public async Task Layouts_over_64_KiB_are_refused_and_up_to_64_KiB_saved_although_over_the_message_limit()
    {
        var gateway = new GatewayHarness(new GatewayOptions { MaxMessageBytes = 4096 });
        var (session, channel) = gateway.Open();
        Assert.Equal(4096 + UserLayouts.MaxBytes, session.LayoutsMessageLimit);

        await session.SendAsync($$"""{"action":"save_layouts","layouts":{{Layouts(UserLayouts.MaxBytes + 1)}}}""");
        Assert.Equal("layouts too large", channel.Last.Str("error"));
        Assert.Empty(gateway.Backend.Layouts);

        var largest = Layouts(UserLayouts.MaxBytes);
        await session.SendAsync($$"""{"action":"save_layouts","layouts":{{largest}}}""");
        Assert.True(channel.Last.IsStatus("layouts_saved"));
        Assert.Equal(largest, Encoding.UTF8.GetString(gateway.Backend.Layouts[UserLayouts.AnonymousUser]));
        Assert.Null(channel.Closed);
    }

    [Fact]
    public async Task Any_other_action_over_the_message_limit_is_too_large_and_closes()
    {
        var gateway = new GatewayHarness(new GatewayOptions { MaxMessageBytes = 256 });
        var (session, channel) = gateway.Open();
        await session.SendAsync($$"""{"action":"subscribe","feed":"quote:A","padding":"{{new string('x', 300)}}"}""");
        Assert.Contains("too large (limit 256 bytes)", channel.Last.Str("error"));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, channel.Closed?.Status);
        Assert.Empty(session.Subscriptions);
    }

    [Fact]
    public async Task Before_auth_no_message_may_be_long_and_layouts_are_unauthorized()
    {
        var gateway = new GatewayHarness(
            new GatewayOptions { MaxMessageBytes = 256 },
            new AuthOptions { Enabled = true, TokenSecret = "unit-secret", Users = { ["bob"] = "b" } });
        var (session, channel) = gateway.Open();
        Assert.False(session.AllowsLongMessage("""{"action":"save_layouts","layouts":{"""u8));

        await session.SendAsync("""{"action":"get_layouts"}""");
        Assert.True(Assert.Single(channel.Sent).IsStatus("unauthorized"));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, channel.Closed?.Status);
    }

    [Fact]
    public async Task An_unreachable_backend_answers_layouts_unavailable_and_keeps_the_socket()
    {
        var gateway = new GatewayHarness();
        gateway.Backend.LayoutsUnavailable = true;
        var (session, channel) = gateway.Open();

        await session.SendAsync("""{"action":"get_layouts"}""");
        Assert.Equal("layouts unavailable", channel.Last.Str("error"));
        await session.SendAsync("""{"action":"save_layouts","layouts":{}}""");
        Assert.Equal("layouts unavailable", channel.Last.Str("error"));
        Assert.Null(channel.Closed);
        Assert.Equal(2, gateway.Metrics.BackendFailures);
    }

    [Theory]
    [InlineData("""{"action":"save_layouts","layouts":{"a":""", true)]
    [InlineData(""" { "action" : "save_layouts" , "lay""", true)]
    [InlineData("""{"layouts":{},"action":"save_layouts","pad":"xx""", false)]
    [InlineData("""{"action":"subscribe","feed":"xxxxx""", false)]
    [InlineData("""{"action":"save_lay""", false)]
    [InlineData("""["action","save_layouts",""", false)]
    [InlineData("   ", false)]
    public void Only_a_save_layouts_that_names_its_action_first_may_be_long(string head, bool allowed) =>
        Assert.Equal(allowed, new GatewayHarness().Open().Session.AllowsLongMessage(Encoding.UTF8.GetBytes(head)));

    /// <summary>A layouts object of exactly <paramref name="bytes"/> bytes.</summary>
    private static string Layouts(int bytes) => $$"""{"pad":"{{new string('x', bytes - """{"pad":""}""".Length)}}"}""";
}
