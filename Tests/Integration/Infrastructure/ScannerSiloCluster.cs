using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;
using Scanner.ScannerFeeds;
using Scanner.Silo.MarketFeed;
using Scanner.Silo.Hosting;
using Scanner.ServiceDefaults.Configuration;

namespace Scanner.Tests.Integration.Infrastructure;

/// <summary>
/// An in-process cluster whose silos are configured like the production silo: the same storage and stream
/// providers (memory, or the real Redis and RabbitMQ of the test run), every grain, the fan-out and the feed
/// listener pointed at a simulator. Only clustering is the test host's own.
/// </summary>
public sealed class ScannerSiloCluster : IAsyncDisposable
{
    private ScannerSiloCluster(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    public IServiceProvider Silo(int index = 0) => Cluster.Silos[index].ServiceProvider;

    /// <summary>The listener state of the silo that holds the lease (or of the first silo when none does).</summary>
    public FeedListenerSnapshot Listener
    {
        get
        {
            var snapshots = Cluster.Silos.Where(s => s.IsActive)
                .Select(s => s.ServiceProvider.GetRequiredService<MarketFeedListenerStatus>()
                    .Snapshot(s.ServiceProvider.GetRequiredService<MarketFeedMetrics>().Snapshot()))
                .ToList();
            return snapshots.FirstOrDefault(s => s.State != nameof(ListenerState.Standby)) ?? snapshots[0];
        }
    }

    public MarketFeedListenerStatus ListenerStatus(int index = 0) => Silo(index).GetRequiredService<MarketFeedListenerStatus>();

    /// <param name="feedUri">The simulator's WebSocket; null disables the listener.</param>
    /// <param name="restUri">The simulator's REST base for hydration.</param>
    /// <param name="host">Storage and streams; <see cref="ScannerInfrastructure.InMemory"/> unless a test needs the real ones.</param>
    /// <param name="infrastructure">Where the real Redis and RabbitMQ are, when <paramref name="host"/> asks for them.</param>
    public static async Task<ScannerSiloCluster> StartAsync(
        Uri? feedUri,
        Uri? restUri,
        string apiKey,
        ScannerHostOptions? host = null,
        Action<Dictionary<string, string?>>? configure = null,
        short silos = 1,
        InfrastructureOptions? infrastructure = null)
    {
        host ??= new ScannerHostOptions { Infrastructure = ScannerInfrastructure.InMemory };
        infrastructure ??= new InfrastructureOptions();
        var settings = new Dictionary<string, string?>
        {
            ["Feed:Enabled"] = (feedUri is not null).ToString(),
            ["Feed:Url"] = (feedUri ?? new Uri("ws://127.0.0.1:9/stocks")).ToString(),
            ["Feed:ApiKey"] = apiKey,
            ["Feed:ReconnectDelayMin"] = "00:00:00.100",
            ["Feed:ReconnectDelayMax"] = "00:00:00.500",
            ["Feed:SubscriptionAckTimeout"] = "00:00:10",
            ["Feed:LeaseDuration"] = "00:00:03",
            ["Hydration:BaseUrl"] = (restUri ?? new Uri("http://127.0.0.1:9")).ToString(),
            ["Hydration:ApiKey"] = apiKey,
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) => silo.AddScannerStorage(host, infrastructure).AddMarketDataStreams(host, infrastructure));
        builder.ConfigureSiloHost((_, hostBuilder) =>
        {
            hostBuilder.Services.AddScannerGrains(configuration);
            hostBuilder.Services.AddFeedPublishing();
            hostBuilder.Services.AddFeedListener(configuration);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ScannerSiloCluster(cluster);
    }

    /// <summary>The feed listener's hosted service on silo <paramref name="index"/> (its ExecuteTask ends when the listener stops for good).</summary>
    public MarketFeedListener ListenerService(int index = 0) => Silo(index).GetServices<IHostedService>().OfType<MarketFeedListener>().Single();

    /// <summary>Polls until <paramref name="condition"/> holds; fails with the listener's state after the timeout.</summary>
    public Task WaitUntilAsync(Func<FeedListenerSnapshot, bool> condition, string what, int timeoutSeconds = 90) =>
        Polling.UntilAsync(() => condition(Listener),
            () => $"{what}; listener: {System.Text.Json.JsonSerializer.Serialize(Listener)}", TimeSpan.FromSeconds(timeoutSeconds));

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
