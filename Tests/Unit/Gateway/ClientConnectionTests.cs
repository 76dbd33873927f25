using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Scanner.Gateway.Connections;
using Scanner.Gateway.Hosting;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Unit.Gateway;

/// <summary>The transport under a session: message size and fragments, and the replies and close it writes.</summary>
public class ClientConnectionTests
{
    private static async Task<ScriptedWebSocket> RunAsync(ScriptedWebSocket socket, GatewayOptions? options = null)
    {
        var gateway = new GatewayHarness(options);
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
}
