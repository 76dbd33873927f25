using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Scanner.ScannerFeeds;
using Scanner.Gateway.Backend;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>
/// The real path: a grain publishes in a silo, the silo's ScannerFeedPublisher routes by the interest the gateway
/// registered with the registry grain, the gateway's one observer fans out to WebSocket clients.
/// </summary>
public sealed class OrleansFanOutTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private void Step(string what) => output.WriteLine($"{_clock.ElapsedMilliseconds,6} ms {what}");

    private InProcessTestCluster _cluster = null!;
    private GatewayTestHost _gateway = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.Services.AddFeedPublishing(o => o.RegistryPollInterval = TimeSpan.FromMilliseconds(200)));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        Step("cluster up");
        _gateway = await GatewayTestHost.StartAsync(
            services => services.AddSingleton<IScannerFeedBackend>(sp => ActivatorUtilities.CreateInstance<OrleansScannerFeedBackend>(sp, _cluster.Client)),
            "Gateway:InterestPropagationDelay=00:00:00.5");
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private ITestFeedSourceGrain Source => _cluster.Client.GetGrain<ITestFeedSourceGrain>("source");

    /// <summary>Publishes new versions of <paramref name="feed"/> until <paramref name="client"/> receives one.</summary>
    private async Task PublishUntilReceived(GatewayTestClient client, string feed, long firstVersion)
    {
        var receiving = client.ReceiveUntilAsync(f => f.Str("feed") == feed && f.GetProperty("version").GetInt64() >= firstVersion);
        for (var version = firstVersion; !receiving.IsCompleted; version++)
        {
            await Source.Publish(feed, $$"""{"v":{{version}}}""", version);
            await Task.WhenAny(receiving, Task.Delay(100));
        }
        var frame = await receiving;
        Assert.True(frame.GetProperty("data").GetProperty("v").GetInt64() >= firstVersion);
    }

    [Fact]
    public async Task Updates_published_by_a_grain_reach_websocket_clients_by_exact_name_wildcard_and_list()
    {
        await using var exact = await GatewayTestClient.ConnectAsync(_gateway.Ws);
        await using var wildcard = await GatewayTestClient.ConnectAsync(_gateway.Ws);
        Assert.True((await exact.RequestAsync("""{"action":"subscribe","feed":"quote:TEST1"}""")).IsStatus("subscribed"));
        Assert.True((await wildcard.RequestAsync("""{"action":"subscribe","feed":"daily_range:*"}""")).IsStatus("subscribed"));

        // The silo learns the gateway's interest through the registry.
        Step("subscribed");
        await Polling.UntilAsync(() => Source.IsWanted("quote:TEST1"), () => "quote:TEST1 wanted");
        Step("wanted");
        await Polling.UntilAsync(() => Source.IsWanted("daily_range:ANY"), () => "daily_range:ANY wanted");
        Assert.False(await Source.IsWanted("quote:NOBODY"));
        Assert.True(await Source.IsWanted(ScannerFeedNames.Halts));

        await PublishUntilReceived(exact, "quote:TEST1", 1);
        Step("exact received");
        await PublishUntilReceived(wildcard, "daily_range:XYZ", 1);
        Step("wildcard received");
        // Later versions of quote:TEST1 may still be on their way: skip them while waiting for the reply.
        await exact.SendAsync("""{"action":"subscribe","feed":"scanners:halts"}""");
        await exact.ReceiveUntilAsync(f => f.IsStatus("subscribed"));
        await PublishUntilReceived(exact, ScannerFeedNames.Halts, 1);
        Step("list received");
    }

    [Fact]
    public async Task Interest_is_withdrawn_when_the_last_client_unsubscribes()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_gateway.Ws);
        await client.RequestAsync("""{"action":"subscribe","feed":"quote:GONE"}""");
        await Polling.UntilAsync(() => Source.IsWanted("quote:GONE"), () => "quote:GONE wanted");
        await client.SendAsync("""{"action":"unsubscribe","feed":"quote:GONE"}""");
        await Polling.UntilAsync(async () => !await Source.IsWanted("quote:GONE"), () => "quote:GONE still wanted");
    }
}
