using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Scanner.Gateway.Connections;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>The socket caps over real sockets: the cap's worth is admitted, the next upgrade is refused with its HTTP
/// status, and a slot freed by closing (or by authenticating, for the unauthenticated cap) lets the next one in.</summary>
public sealed class GatewayConnectionCapsTests
{
    private static ClientRegistry Registry(GatewayTestHost gateway) => gateway.Services.GetRequiredService<ClientRegistry>();

    private static async Task<List<GatewayTestClient>> OpenAsync(Uri ws, int count)
    {
        var clients = new List<GatewayTestClient>();
        for (var i = 0; i < count; i++)
        {
            clients.Add(await GatewayTestClient.ConnectAsync(ws));
        }
        return clients;
    }

    private static async Task AssertRefusedAsync(Uri ws, string status)
    {
        var error = await Assert.ThrowsAsync<WebSocketException>(() => GatewayTestClient.ConnectAsync(ws));
        Assert.Contains(status, error.Message);
    }

    /// <summary>Closes <paramref name="client"/> and waits until the gateway released its slot.</summary>
    private static async Task CloseAsync(GatewayTestHost gateway, GatewayTestClient client)
    {
        var admitted = Registry(gateway).Admissions.Admitted;
        await client.DisposeAsync();
        await Polling.UntilAsync(() => Registry(gateway).Admissions.Admitted < admitted, () => $"{Registry(gateway).Admissions} admitted");
    }

    private static async Task DisposeAllAsync(IEnumerable<GatewayTestClient> clients)
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("Gateway:MaxConnections=3", "503")]
    [InlineData("Gateway:MaxConnectionsPerAddress=3", "429")]
    public async Task A_full_cap_refuses_the_next_upgrade_until_a_socket_closes(string cap, string status)
    {
        await using var gateway = await GatewayTestHost.StartAsync(new FakeScannerFeedBackend(), cap);
        var clients = await OpenAsync(gateway.Ws, 3);
        try
        {
            await AssertRefusedAsync(gateway.Ws, status);
            Assert.Equal(1, gateway.Metrics.ConnectionsRejected);
            await CloseAsync(gateway, clients[0]);
            clients[0] = await GatewayTestClient.ConnectAsync(gateway.Ws);
            Assert.True((await clients[0].RequestAsync("""{"action":"get","cache":"quote:A"}""")).TryGetProperty("cache", out _));
        }
        finally
        {
            await DisposeAllAsync(clients);
        }
    }

    [Fact]
    public async Task Unauthenticated_sockets_are_capped_apart_from_authenticated_ones()
    {
        await using var gateway = await GatewayTestHost.StartAsync(new FakeScannerFeedBackend(),
            "Auth:Enabled=true", "Auth:Users:alice=wonderland", "Gateway:MaxUnauthenticatedConnections=2");
        var token = await GatewayTestClient.LogInAsync(gateway.Http, "alice", "wonderland");
        var clients = await OpenAsync(gateway.Ws, 2);
        try
        {
            await AssertRefusedAsync(gateway.Ws, "503");
            // A token on the upgrade request is not an unauthenticated socket.
            clients.Add(await GatewayTestClient.ConnectAsync(new Uri($"{gateway.Ws}?token={Uri.EscapeDataString(token)}")));
            // Authenticating one of the waiting sockets frees its unauthenticated slot.
            await clients[0].AuthenticateAsync(token);
            Assert.Equal((3, 1), Registry(gateway).Admissions);
            clients.Add(await GatewayTestClient.ConnectAsync(gateway.Ws));
            await AssertRefusedAsync(gateway.Ws, "503");
            await CloseAsync(gateway, clients[1]);
            clients.Add(await GatewayTestClient.ConnectAsync(gateway.Ws));
            Assert.Equal((4, 2), Registry(gateway).Admissions);
        }
        finally
        {
            await DisposeAllAsync(clients);
        }
    }
}
