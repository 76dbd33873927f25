using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Scanner.Gateway.Auth;
using Scanner.Gateway.Connections;
using Scanner.Gateway.Hosting;
using Scanner.Layouts;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Unit.Gateway.Connections;

/// <summary>The transport under a session: message size and fragments, and the replies and close it writes.</summary>
public class ClientConnectionTests
{
    private static async Task<ScriptedWebSocket> RunAsync(ScriptedWebSocket socket, GatewayOptions? options = null, AuthOptions? auth = null)
    {
        var gateway = new GatewayHarness(options, auth);
        var connection = new ClientConnection(socket, raw: false, gateway.Services);
        await connection.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        return socket;
    }

    private static JsonElement Frame(byte[] frame) => JsonDocument.Parse(frame).RootElement.Clone();

    [Fact]
    public async Task An_oversized_message_is_refused_after_reading_no_more_than_the_limit()
    {
        var socket = new ScriptedWebSocket();
        socket.Incoming(Encoding.UTF8.GetBytes(new string(' ', 1000)));
        await RunAsync(socket, new GatewayOptions { MaxMessageBytes = 256 });
        Assert.Equal(256, socket.BytesRead);
        Assert.Contains("too large", Frame(Assert.Single(socket.Sent)).Str("error"));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
    }

    [Fact]
    public async Task A_save_layouts_that_names_its_action_first_may_exceed_the_limit_by_the_largest_layouts()
    {
        var layouts = $$"""{"pad":"{{new string('x', 10_000)}}"}""";
        var socket = new ScriptedWebSocket();
        socket.Incoming(Encoding.UTF8.GetBytes("""{"action":"save_layouts","layouts":"""), endOfMessage: false);
        socket.Incoming(Encoding.UTF8.GetBytes(layouts + "}"));
        socket.Incoming(Encoding.UTF8.GetBytes("""{"action":"save_layouts","layouts":{"pad":" """ + new string('x', 256 + UserLayouts.MaxBytes)));
        await RunAsync(socket, new GatewayOptions { MaxMessageBytes = 256 });

        Assert.True(Frame(socket.Sent[0]).IsStatus("layouts_saved"));
        Assert.Contains("too large", Frame(socket.Sent[1]).Str("error"));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
        var firstMessage = """{"action":"save_layouts","layouts":}""".Length + layouts.Length;
        Assert.Equal(firstMessage + 256 + UserLayouts.MaxBytes, socket.BytesRead);
    }

    [Theory]
    [InlineData(true, """{"layouts":{},"action":"save_layouts","pad":"PAD"}""")]
    [InlineData(false, """{"action":"save_layouts","layouts":{"pad":"PAD"}}""")]
    public async Task Neither_a_save_layouts_naming_its_action_late_nor_one_before_auth_goes_past_the_limit(bool authorized, string message)
    {
        var socket = new ScriptedWebSocket();
        socket.Incoming(Encoding.UTF8.GetBytes(message.Replace("PAD", new string('x', 1000))));
        await RunAsync(socket, new GatewayOptions { MaxMessageBytes = 256 }, authorized ? null : new AuthOptions { Enabled = true, TokenSecret = "unit-secret" });
        Assert.Equal(256, socket.BytesRead);
        Assert.Contains("too large", Frame(Assert.Single(socket.Sent)).Str("error"));
    }

    [Fact]
    public async Task A_message_of_exactly_the_limit_is_handled()
    {
        var message = """{"action":"get","cache":"quote:A"}"""u8.ToArray();
        var socket = new ScriptedWebSocket();
        socket.Incoming(message);
        socket.Incoming([], WebSocketMessageType.Close);
        await RunAsync(socket, new GatewayOptions { MaxMessageBytes = message.Length });
        Assert.Equal("quote:A", Frame(socket.Sent[0]).Str("cache"));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }

    [Fact]
    public async Task A_message_split_in_fragments_is_put_together()
    {
        var socket = new ScriptedWebSocket();
        socket.Incoming("{\"action\":\"get\","u8.ToArray(), endOfMessage: false);
        socket.Incoming("\"cache\":\"quote:B\"}"u8.ToArray());
        socket.Incoming([], WebSocketMessageType.Close);
        await RunAsync(socket);
        Assert.Equal("quote:B", Frame(socket.Sent[0]).Str("cache"));
    }

    [Fact]
    public async Task After_the_socket_layer_refused_a_frame_the_connection_stays_until_the_peer_leaves()
    {
        var socket = new ScriptedWebSocket();
        socket.RefuseNextFrame();
        var gateway = new GatewayHarness();
        using var peer = new CancellationTokenSource();
        var run = new ClientConnection(socket, raw: false, gateway.Services).RunAsync(peer.Token);
        await Polling.UntilAsync(() => socket.Refused, () => "the frame refused");

        // Ending now would let the server reset the connection and discard the close frame (1007) at the client.
        gateway.Time.Advance(ClientConnection.CloseLinger / 2);
        Assert.NotSame(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(200))));

        await peer.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, socket.CloseStatus);
    }

    /// <summary>The socket layer reports a refusal as a cancellation wrapping it when the peer has already left; it
    /// went uncounted then (1 in 20 connections of the attack suite under load).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_refused_frame_is_counted_also_when_the_peer_left_at_once(bool abortedMeanwhile)
    {
        var socket = new ScriptedWebSocket();
        socket.RefuseNextFrame(abortedMeanwhile);
        var gateway = new GatewayHarness();
        using var peer = new CancellationTokenSource();
        var run = new ClientConnection(socket, raw: false, gateway.Services).RunAsync(peer.Token);
        await Polling.UntilAsync(() => socket.Refused, () => "the frame refused");

        await peer.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, gateway.Metrics.ProtocolErrors);
    }

    [Fact]
    public async Task A_peer_that_never_closes_after_a_refused_frame_is_let_go_after_the_linger()
    {
        var socket = new ScriptedWebSocket();
        socket.RefuseNextFrame();
        var gateway = new GatewayHarness();
        var run = new ClientConnection(socket, raw: false, gateway.Services).RunAsync(CancellationToken.None);
        await Polling.UntilAsync(() => socket.Refused, () => "the frame refused");

        await Polling.UntilAsync(() =>
        {
            gateway.Time.Advance(ClientConnection.CloseLinger);
            return run.IsCompleted;
        }, () => "the connection ended");
        await run;
    }
}
