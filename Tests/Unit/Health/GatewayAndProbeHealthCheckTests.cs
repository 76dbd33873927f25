using Scanner.Tests.Support.Gateway;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Scanner.Gateway.Backend;
using Scanner.Gateway.Health;
using Scanner.ServiceDefaults.Health;
using Scanner.Tests.Unit.Gateway;

namespace Scanner.Tests.Unit.Health;

public class GatewayAndProbeHealthCheckTests
{
    private sealed class SwitchableBackend(FakeScannerFeedBackend inner) : IScannerFeedBackend
    {
        public bool IsConnected { get; set; }
        public Task StartAsync(IScannerFeedUpdateSink sink, CancellationToken cancellation) => inner.StartAsync(sink, cancellation);
        public Task StopAsync(CancellationToken cancellation) => inner.StopAsync(cancellation);
        public Task<Scanner.ScannerFeeds.ScannerFeedUpdate?> GetFeedAsync(string feed, CancellationToken cancellation) => inner.GetFeedAsync(feed, cancellation);
        public void SetInterest(string[] patterns) => inner.SetInterest(patterns);
        public Task<byte[]?> GetLayoutsAsync(string user, CancellationToken cancellation) => inner.GetLayoutsAsync(user, cancellation);
        public Task SaveLayoutsAsync(string user, byte[] layouts, CancellationToken cancellation) => inner.SaveLayoutsAsync(user, layouts, cancellation);
    }

    [Fact]
    public async Task A_gateway_without_a_cluster_connection_is_unhealthy()
    {
        var backend = new SwitchableBackend(new FakeScannerFeedBackend());
        var check = new ClusterConnectionHealthCheck(backend);
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("no cluster connection", result.Description);

        backend.IsConnected = true;
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task Redis_unreachable_is_unhealthy_from_the_last_background_probe()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var probe = new TcpReachabilityProbe("redis", "127.0.0.1", port, new FakeTimeProvider());

        Assert.Equal(HealthStatus.Degraded, (await probe.CheckHealthAsync(new HealthCheckContext())).Status);   // not probed yet
        await probe.ProbeOnceAsync(CancellationToken.None);
        Assert.Equal(HealthStatus.Healthy, (await probe.CheckHealthAsync(new HealthCheckContext())).Status);

        listener.Stop();
        await probe.ProbeOnceAsync(CancellationToken.None);
        var result = await probe.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains($"redis unreachable at 127.0.0.1:{port}", result.Description);
    }
}
