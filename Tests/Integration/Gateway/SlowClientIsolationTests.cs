using System.Text;
using System.Text.Json;
using Scanner.ScannerFeeds;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>One client that never reads must not hold up a hundred others; it loses its stale updates and is closed.</summary>
public sealed class SlowClientIsolationTests
{
    private const string Shared = "quote:SHARED";
    private const string Big = "quote:BIG";

    [Fact]
    public async Task A_stalled_client_is_dropped_and_counted_while_the_others_keep_receiving()
    {
        var backend = new FakeScannerFeedBackend();
        // 101 sockets from loopback: one over the default per-address cap.
        await using var gateway = await GatewayTestHost.StartAsync(backend, "Gateway:StallTimeout=00:00:01", "Gateway:MaxConnectionsPerAddress=101");
        var healthy = new List<GatewayTestClient>();
        try
        {
            for (var i = 0; i < 100; i++)
            {
                var client = await GatewayTestClient.ConnectAsync(gateway.Ws);
                healthy.Add(client);
                Assert.True((await client.RequestAsync($$"""{"action":"subscribe","feed":"{{Shared}}"}""")).IsStatus("subscribed"));
            }
            await using var stalled = await GatewayTestClient.ConnectAsync(gateway.Ws);
            await stalled.SendAsync($$"""{"action":"subscribe","feed":"{{Shared}}"}""");
            await stalled.SendAsync($$"""{"action":"subscribe","feed":"{{Big}}"}""");
            // From here on the stalled client reads nothing. Large updates fill its socket buffers until its sends block.
            var big = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new string('x', 256 * 1024)));
            var version = 0L;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (gateway.Metrics.SlowClientsClosed == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the stalled client was never closed");
                version++;
                backend.Push(new ScannerFeedUpdate(Big, big, version, 0), new ScannerFeedUpdate(Shared, Encoding.UTF8.GetBytes($"{{\"v\":{version}}}"), version, 0));
                await Task.Delay(5);
            }
            var last = version + 1;
            backend.Push(new ScannerFeedUpdate(Shared, "{\"v\":-1}"u8.ToArray(), last, 0));

            // Every healthy client gets the latest value (possibly skipping intermediate ones it was too slow for).
            await Task.WhenAll(healthy.Select(c => c.ReceiveUntilAsync(f => f.IsUpdate(Shared, last))));
            Assert.Equal(1, gateway.Metrics.SlowClientsClosed);
            Assert.True(gateway.Metrics.DroppedStale > 0);
            using var http = gateway.HttpClient();
            using var health = JsonDocument.Parse(await http.GetStringAsync("/health"));
            Assert.Equal(1, health.RootElement.GetProperty("slow_clients_closed").GetInt64());
            Assert.Equal(100, health.RootElement.GetProperty("active_clients").GetInt64());
        }
        finally
        {
            foreach (var client in healthy)
            {
                await client.DisposeAsync();
            }
        }
    }
}
