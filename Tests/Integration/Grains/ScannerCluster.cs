using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Streams;
using Orleans.TestingHost;
using Scanner.ScannerFeeds;
using Scanner.Hydration;
using Scanner.MarketData;
using Scanner.Scanners;
using Scanner.Ticker;

namespace Scanner.Tests.Integration.Grains;

/// <summary>
/// An in-process cluster hosting the ticker, ranking and scanner grains, with memory streams under the five
/// market data provider names (implicit subscriptions only), fast pacing, a recording feed publisher and fake
/// hydration. Grain storage "scanner" is given by the caller (memory, or real Redis).
/// </summary>
internal sealed class ScannerCluster : IAsyncDisposable
{
    private ScannerCluster(InProcessTestCluster cluster, RecordingFeedPublisher publisher, FakeReferenceData reference)
    {
        Cluster = cluster;
        Publisher = publisher;
        Reference = reference;
    }

    public InProcessTestCluster Cluster { get; }

    public RecordingFeedPublisher Publisher { get; }

    public FakeReferenceData Reference { get; }

    public IClusterClient Client => Cluster.Client;

    /// <param name="configure">Runs last on the silo, so it may replace what this sets (e.g. the fake hydration).</param>
    public static async Task<ScannerCluster> StartAsync(Action<ISiloBuilder> addScannerStorage, Action<ISiloBuilder>? configure = null)
    {
        var publisher = new RecordingFeedPublisher();
        var reference = new FakeReferenceData();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            foreach (var kind in MarketDataStreams.All)
            {
                silo.AddMemoryStreams(kind, s => s.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
            }
            addScannerStorage(silo);
            silo.Services.AddScannerGrains(new ConfigurationBuilder().Build());
            silo.Services.Configure<ScannerOptions>(o =>
            {
                o.ReportInterval = TimeSpan.FromMilliseconds(50);
                o.ShardMergeInterval = TimeSpan.FromMilliseconds(100);
                o.FeedPublishInterval = TimeSpan.FromMilliseconds(200);
                o.PersistInterval = TimeSpan.FromMilliseconds(500);
            });
            // A failed hydration is asked again when the negative cache lets it.
            silo.Services.Configure<HydrationOptions>(o => o.NegativeCacheDuration = TimeSpan.FromSeconds(1));
            silo.Services.AddSingleton<IScannerFeedPublisher>(publisher);
            silo.Services.AddSingleton<IReferenceDataSource>(reference);
            configure?.Invoke(silo);
        });
        builder.ConfigureClient(client =>
        {
            foreach (var kind in MarketDataStreams.All)
            {
                client.AddMemoryStreams(kind, s => s.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
            }
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ScannerCluster(cluster, publisher, reference);
    }

    /// <summary>Produces events to their streams: one ordered batch per symbol and kind, streams in parallel.</summary>
    public Task ProduceAsync(IEnumerable<MarketEvent> events) =>
        Parallel.ForEachAsync(
            events.GroupBy(e => MarketDataStreams.StreamOf(e)),
            new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (group, _) =>
            {
                var stream = Client.GetStreamProvider(group.Key.GetNamespace()!).GetStream<MarketEvent>(group.Key);
                await stream.OnNextBatchAsync(group.ToList());
            });

    public Task<TickerSnapshot> Snapshot(string symbol) => Client.GetGrain<ITickerGrain>(symbol).GetSnapshot();

    /// <summary>The symbols of a list feed's current value, in order (empty before the first value).</summary>
    public async Task<string[]> FeedSymbols(string feed)
    {
        var update = await Client.GetGrain<IScannerFeedGrain>(feed).GetFeed(feed);
        if (update is null)
        {
            return [];
        }
        using var json = JsonDocument.Parse(update.Payload);
        return [.. json.RootElement.EnumerateArray().Select(e => e.GetProperty("symbol").GetString()!)];
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after a generous timeout.</summary>
    public static Task Eventually(Func<Task<bool>> condition, string what, int timeoutSeconds = 60) =>
        Polling.UntilAsync(condition, () => what, TimeSpan.FromSeconds(timeoutSeconds));

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
