using Scanner.Tests.Support.Gateway;
using System.Net;
using System.Text.Json;
using Scanner.ScannerFeeds;
using Scanner.Gateway.Backend;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>A gateway without a cluster connection says so on every health endpoint, with the reason; liveness stays up.</summary>
public class GatewayHealthTests
{
    private sealed class DisconnectedBackend : IScannerFeedBackend
    {
        public bool IsConnected => false;
        public Task StartAsync(IScannerFeedUpdateSink sink, CancellationToken cancellation) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
        public Task<ScannerFeedUpdate?> GetFeedAsync(string feed, CancellationToken cancellation) => Task.FromResult<ScannerFeedUpdate?>(null);
        public void SetInterest(string[] patterns) { }
        public Task<byte[]?> GetLayoutsAsync(string user, CancellationToken cancellation) => Task.FromException<byte[]?>(new InvalidOperationException("no cluster"));
        public Task SaveLayoutsAsync(string user, byte[] layouts, CancellationToken cancellation) => Task.FromException(new InvalidOperationException("no cluster"));
    }

    [Fact]
    public async Task Without_a_cluster_the_gateway_is_unhealthy_with_the_reason_but_alive()
    {
        await using var gateway = await GatewayTestHost.StartAsync(new DisconnectedBackend());
        using var http = gateway.HttpClient();

        using var live = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        using var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using (var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
            Assert.Contains(body.RootElement.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("no cluster connection"));
        }

        using var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
        Assert.False(json.RootElement.GetProperty("backend_connected").GetBoolean());
        Assert.Contains(json.RootElement.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("cluster: no cluster connection"));
    }
}
