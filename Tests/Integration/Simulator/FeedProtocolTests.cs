using System.Net.WebSockets;
using Scanner.Simulator;
using Scanner.Simulator.Hosting;

namespace Scanner.Tests.Integration.Simulator;

/// <summary>The Massive handshake, errors and subscription acks, over a real WebSocket.</summary>
public class FeedProtocolTests
{
    private const string Key = "test-key";

    private static Task<SimulatorServer> StartAsync(double authTimeoutSeconds = 5) =>
        SimulatorServer.StartAsync(new SimulatorOptions { ApiKey = Key, AuthTimeoutSeconds = authTimeoutSeconds });

    [Fact]
    public async Task Handshake_authenticates_and_acks_every_subscription_parameter()
    {
        await using var sim = await StartAsync();
        await using var client = await MarketFeedTestClient.ConnectAndAuthenticateAsync(sim.WebSocketUri, Key);

        await client.SendAsync(new { action = "subscribe", @params = "T.*,A.AAPL, AM.*" });
        Assert.Equal(("success", "subscribed to: T.*"), await client.ReceiveStatusAsync());
        Assert.Equal(("success", "subscribed to: A.AAPL"), await client.ReceiveStatusAsync());
        Assert.Equal(("success", "subscribed to: AM.*"), await client.ReceiveStatusAsync());

        await client.SendAsync(new { action = "unsubscribe", @params = "T.AAPL" });
        Assert.Equal(("success", "unsubscribed to: T.AAPL"), await client.ReceiveStatusAsync());
    }

    [Fact]
    public async Task The_root_path_is_the_feed_too()
    {
        await using var sim = await StartAsync();
        await using var client = await MarketFeedTestClient.ConnectAsync(new UriBuilder(sim.WebSocketUri) { Path = "/" }.Uri);

        Assert.Equal(("connected", "Connected Successfully"), await client.ReceiveStatusAsync());
    }

    [Fact]
    public async Task A_wrong_key_gets_auth_failed_and_is_closed()
    {
        await using var sim = await StartAsync();
        await using var client = await MarketFeedTestClient.ConnectAsync(sim.WebSocketUri);
        await client.ReceiveStatusAsync();

        await client.SendAsync(new { action = "auth", @params = "wrong" });

        Assert.Equal(("auth_failed", "authentication failed"), await client.ReceiveStatusAsync());
        Assert.True(await client.WaitForCloseAsync());
        Assert.Equal(1, sim.Stats.ConnectionsRejected);
    }

    [Fact]
    public async Task Silence_gets_auth_timeout_and_is_closed()
    {
        await using var sim = await StartAsync(authTimeoutSeconds: 0.5);
        await using var client = await MarketFeedTestClient.ConnectAsync(sim.WebSocketUri);
        await client.ReceiveStatusAsync();

        Assert.Equal("auth_timeout", (await client.ReceiveStatusAsync()).Status);
        Assert.True(await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task A_second_connection_with_the_same_key_gets_max_connections_and_the_key_frees_up_when_the_first_leaves()
    {
        await using var sim = await StartAsync();
        var first = await MarketFeedTestClient.ConnectAndAuthenticateAsync(sim.WebSocketUri, Key);

        await using (var second = await MarketFeedTestClient.ConnectAsync(sim.WebSocketUri))
        {
            await second.ReceiveStatusAsync();
            await second.SendAsync(new { action = "auth", @params = Key });
            Assert.Equal("max_connections", (await second.ReceiveStatusAsync()).Status);
            Assert.True(await second.WaitForCloseAsync());
        }

        await first.DisposeAsync();
        await Polling.UntilAsync(() => sim.Stats.ActiveConnections == 0, () => "the first connection to be gone", MarketFeedTestClient.Patience);
        await using var third = await MarketFeedTestClient.ConnectAndAuthenticateAsync(sim.WebSocketUri, Key);
    }

    [Fact]
    public async Task Bad_messages_get_an_error_status_and_the_connection_stays_usable()
    {
        await using var sim = await StartAsync();
        await using var client = await MarketFeedTestClient.ConnectAsync(sim.WebSocketUri);
        await client.ReceiveStatusAsync();

        await client.SendTextAsync("not json");
        Assert.Equal(("error", "invalid JSON message"), await client.ReceiveStatusAsync());
        await client.SendAsync(new { action = "subscribe", @params = "T.*" });
        Assert.Equal(("error", "not authorized"), await client.ReceiveStatusAsync());
        await client.SendAsync(new { action = "auth", @params = Key });
        Assert.Equal("auth_success", (await client.ReceiveStatusAsync()).Status);
        await client.SendAsync(new { action = "dance" });
        Assert.Equal(("error", "unknown action: dance"), await client.ReceiveStatusAsync());
        await client.SendAsync(new { action = "subscribe", @params = "XX.AAPL,Q.*" });
        Assert.Equal(("error", "invalid subscription: XX.AAPL"), await client.ReceiveStatusAsync());
        Assert.Equal(("success", "subscribed to: Q.*"), await client.ReceiveStatusAsync());
        Assert.Equal(WebSocketState.Open, client.State);
    }
}
