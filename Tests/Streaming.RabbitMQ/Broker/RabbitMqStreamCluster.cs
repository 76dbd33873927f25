using Microsoft.Extensions.DependencyInjection;
using Orleans.Streaming.RabbitMQ;
using Orleans.Streams;
using Orleans.TestingHost;

namespace Scanner.Tests.Streaming.RabbitMQ.Broker;

/// <summary>
/// An in-process cluster with the two test providers (<see cref="TestStreams"/>) on the real broker, under a queue prefix of its own
/// (so tests never share queues), implicit-only pub-sub and memory grain storage. Events are produced from inside
/// a silo (as a service hosted in the silo would) or from the external client.
/// </summary>
internal sealed class RabbitMqStreamCluster : IAsyncDisposable
{
    public const int QueueCount = 4;

    private RabbitMqStreamCluster(InProcessTestCluster cluster, string prefix)
    {
        Cluster = cluster;
        Prefix = prefix;
    }

    public InProcessTestCluster Cluster { get; }
    public string Prefix { get; }

    /// <param name="configure">Adjusts the options of one provider (called with its name).</param>
    /// <param name="configureSilo">Further silo configuration, for example named Orleans stream options.</param>
    public static async Task<RabbitMqStreamCluster> StartAsync(short silos = 1, Action<string, RabbitMqStreamOptions>? configure = null,
        Action<ISiloBuilder>? configureSilo = null)
    {
        var prefix = $"t{Guid.NewGuid():N}"[..13];
        var uri = RabbitMqBroker.Uri;
        var builder = new InProcessTestClusterBuilder(silos);
        void Configure(string kind, RabbitMqStreamOptions o)
        {
            o.Uri = uri;
            o.QueuePrefix = prefix;
            o.QueueCount = QueueCount;
            o.ReconnectBackoffMax = TimeSpan.FromSeconds(2);
            configure?.Invoke(kind, o);
        }
        builder.ConfigureSilo((_, silo) =>
        {
            foreach (var kind in TestStreams.All) silo.AddRabbitMqStreams(kind, o => Configure(kind, o));
            silo.AddMemoryGrainStorageAsDefault();
            configureSilo?.Invoke(silo);
        });
        builder.ConfigureClient(client =>
        {
            foreach (var kind in TestStreams.All) client.AddRabbitMqStreams(kind, o => Configure(kind, o));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new RabbitMqStreamCluster(cluster, prefix);
    }

    public IServiceProvider Silo(int index = 0) => Cluster.Silos[index].ServiceProvider;

    public RabbitMqStreamStatus Status(string provider, int silo = 0) =>
        Silo(silo).GetRequiredService<RabbitMqStreamStatusBoard>().Get(provider);

    /// <summary>All silos' statuses of <paramref name="provider"/>, for failure messages.</summary>
    public string Describe(string provider) =>
        string.Join(" | ", Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<RabbitMqStreamStatusBoard>().Get(provider).ToString()));

    public IAsyncStream<TestEvent> Stream(string streamNamespace, string symbol, int silo = 0) =>
        Silo(silo).GetRequiredService<IClusterClient>().GetStreamProvider(streamNamespace)
            .GetStream<TestEvent>(StreamId.Create(streamNamespace, symbol));

    /// <summary>The stream as the test's external Orleans client produces to it.</summary>
    public IAsyncStream<TestEvent> ClientStream(string streamNamespace, string symbol) =>
        Cluster.Client.GetStreamProvider(streamNamespace).GetStream<TestEvent>(StreamId.Create(streamNamespace, symbol));

    public Task<ProbeSnapshot> ProbeAsync(string symbol) => Cluster.Client.GetGrain<IStreamProbeGrain>(symbol).GetSnapshotAsync();

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await RabbitMqBroker.DeleteAsync(Prefix,
            TestStreams.All.SelectMany(kind => Enumerable.Range(0, QueueCount).Select(i => $"{Prefix}-{kind}-{i}")));
    }
}
