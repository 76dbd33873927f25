using System.Net.WebSockets;
using System.Text;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>Limits: message size, subscriptions, message rate, idle and auth timeouts.</summary>
public sealed class GatewayLimitsTests
{
    [Fact]
    public async Task An_oversized_message_gets_an_error_and_closes_with_message_too_big()
    {
        await using var gateway = await GatewayTestHost.StartAsync(new FakeScannerFeedBackend(), "Gateway:MaxMessageBytes=256");
        await using var client = await GatewayTestClient.ConnectAsync(gateway.Ws);
        Assert.True((await client.RequestAsync("{\"action\":\"get\",\"cache\":\"quote:A\",\"pad\":\"" + new string('x', 150) + "\"}")).TryGetProperty("cache", out _));
        await client.SendAsync(Encoding.UTF8.GetBytes("{\"action\":\"get\",\"cache\":\"quote:A\",\"pad\":\"" + new string('x', 300) + "\"}"), WebSocketMessageType.Text);
        var frames = await client.ReceiveUntilClosedAsync();
        Assert.Contains("too large", Assert.Single(frames).Str("error"));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, client.CloseStatus);
    }

    [Fact]
    public async Task A_message_is_refused_once_the_limit_is_read_and_more_of_it_follows()
    {
        await using var gateway = await GatewayTestHost.StartAsync(new FakeScannerFeedBackend(), "Gateway:MaxMessageBytes=256");
        await using var client = await GatewayTestClient.ConnectAsync(gateway.Ws);
        // Exactly the limit, then nothing more: the gateway must decide without waiting for a 257th byte.
        await client.SendAsync(Encoding.UTF8.GetBytes(new string(' ', 256)), WebSocketMessageType.Text, endOfMessage: false);
        var frames = await client.ReceiveUntilClosedAsync();
        Assert.Contains("too large", Assert.Single(frames).Str("error"));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, client.CloseStatus);
    }

    [Fact]
    public async Task A_message_of_exactly_the_limit_is_accepted()
    {
        await using var gateway = await GatewayTestHost.StartAsync(new FakeScannerFeedBackend(), "Gateway:MaxMessageBytes=256");
        await using var client = await GatewayTestClient.ConnectAsync(gateway.Ws);
        var prefix = "{\"action\":\"get\",\"cache\":\"quote:A\",\"pad\":\"";
        var message = prefix + new string('x', 256 - prefix.Length - 2) + "\"}";
        Assert.Equal(256, Encoding.UTF8.GetByteCount(message));
        Assert.True((await client.RequestAsync(message)).TryGetProperty("cache", out _));
    }

    [Fact]
    public async Task Invalid_utf8_in_a_text_frame_closes_with_invalid_payload_data()
    {
        // The socket layer (ManagedWebSocket) validates text frames and closes with 1007 itself; the gateway keeps the
        // connection until the client leaves, so that the close frame is not discarded by a reset.
        await using var gateway = await GatewayTestHost.StartAsync(new FakeScannerFeedBackend());
        await using var client = await GatewayTestClient.ConnectAsync(gateway.Ws);
        await client.SendAsync(new byte[] { (byte)'{', 0xC3, 0x28, (byte)'}' }, WebSocketMessageType.Text);
        await client.ReceiveUntilClosedAsync();
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, client.CloseStatus);
    }

    [Fact]
    public async Task A_client_flooding_beyond_its_rate_gets_rate_limit_errors_and_is_not_closed_as_slow()
    {
        await using var gateway = await GatewayTestHost.StartAsync(new FakeScannerFeedBackend(),
            "Gateway:MessageBurst=1", "Gateway:MessagesPerSecond=0.01", "Gateway:SendQueueReplies=2");
        await using var client = await GatewayTestClient.ConnectAsync(gateway.Ws);
        for (var i = 0; i < 500; i++)
        {
            await client.SendAsync("""{"action":"get","cache":"quote:A"}""");
        }
        // Read to its end without the client reading a single reply meanwhile.
        await Polling.UntilAsync(() => gateway.Metrics.ProtocolErrors >= 499, () => $"{gateway.Metrics.ProtocolErrors} refused");
        Assert.Equal(0, gateway.Metrics.SlowClientsClosed);
        Assert.True((await client.ReceiveAsync())!.Value.TryGetProperty("cache", out _));
        Assert.Contains("rate limit", (await client.ReceiveAsync())!.Value.Str("error"));
        Assert.Equal(WebSocketState.Open, client.Socket.State);
    }

    [Fact]
    public async Task Idle_clients_without_subscriptions_are_closed()
    {
        await using var gateway = await GatewayTestHost.StartAsync(new FakeScannerFeedBackend(), "Gateway:IdleTimeout=00:00:01");
        await using var idle = await GatewayTestClient.ConnectAsync(gateway.Ws);
        await using var busy = await GatewayTestClient.ConnectAsync(gateway.Ws);
        Assert.True((await busy.RequestAsync("""{"action":"subscribe","feed":"quote:A"}""")).IsStatus("subscribed"));
        Assert.Empty(await idle.ReceiveUntilClosedAsync());
        Assert.Equal(WebSocketState.Open, busy.Socket.State);
    }

    [Fact]
    public async Task Clients_that_never_authenticate_are_closed()
    {
        await using var gateway = await GatewayTestHost.StartAsync(new FakeScannerFeedBackend(),
            "Auth:Enabled=true", "Auth:TokenSecret=x", "Auth:Users:alice=wonderland", "Gateway:AuthTimeout=00:00:01");
        await using var client = await GatewayTestClient.ConnectAsync(gateway.Ws);
        var frames = await client.ReceiveUntilClosedAsync();
        Assert.True(Assert.Single(frames).IsStatus("unauthorized"));
    }
}
