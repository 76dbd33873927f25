using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Orleans.TestingHost;
using Scanner.MarketData;
using Scanner.Silo.Feed;

namespace Scanner.Tests.Integration.Listener;

/// <summary>A one-silo in-process cluster whose silo runs the feed listener against <paramref name="feedUri"/>.</summary>
public sealed class ListenerCluster : IAsyncDisposable
{
    private ListenerCluster(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public IServiceProvider Silo => Cluster.Silos[0].ServiceProvider;

    public FeedListenerStatus Status => Silo.GetRequiredService<FeedListenerStatus>();

    public FeedCountersSnapshot Counters => Silo.GetRequiredService<FeedMetrics>().Snapshot();

    public FeedListenerSnapshot Snapshot => Status.Snapshot(Counters);

    public static async Task<ListenerCluster> StartAsync(Uri feedUri, string apiKey, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Feed:Url"] = feedUri.ToString(),
            ["Feed:ApiKey"] = apiKey,
            ["Feed:ReconnectDelayMin"] = "00:00:00.100",
            ["Feed:ReconnectDelayMax"] = "00:00:00.500",
            ["Feed:SubscriptionAckTimeout"] = "00:00:05",
            ["Feed:LeaseDuration"] = "00:00:03",
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("scanner");
            foreach (var kind in MarketDataStreams.All)
            {
                silo.AddMemoryStreams(kind, b => b.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
            }
        });
        builder.ConfigureSiloHost((_, host) => host.Services.AddFeedListener(configuration));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ListenerCluster(cluster);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with the listener's state after the timeout.</summary>
    public async Task WaitUntilAsync(Func<FeedListenerSnapshot, bool> condition, string what, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (condition(Snapshot))
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"Timed out waiting for {what}; listener: {System.Text.Json.JsonSerializer.Serialize(Snapshot)}");
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
