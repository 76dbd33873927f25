using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Streaming.RabbitMQ;
using Orleans.Streams;
using Scanner.Tests.Streaming.RabbitMQ.Broker;

namespace Scanner.Tests.Streaming.RabbitMQ.Sample;

/// <summary>
/// The smallest Orleans application on the package, as a user would write it: a silo host and a client host, each
/// registering the provider with <c>AddRabbitMqStreams</c> and nothing else of it; the client publishes, a grain
/// with an implicit subscription (<see cref="StreamProbeGrain"/>) consumes. Runs against the real broker.
/// </summary>
[Collection(RabbitMqStreamCollection.Name)]
public sealed class MinimalAppSample
{
    [Fact]
    public async Task A_client_publishes_and_an_implicitly_subscribed_grain_receives_every_event_in_order()
    {
        const string provider = TestStreams.Ticks; // the provider's name is the stream namespace
        var prefix = $"sample{Guid.NewGuid():N}"[..14];
        var broker = new Uri(TestInfrastructure.RabbitMq);
        var (siloPort, gatewayPort) = (LoopbackPorts.Free(), LoopbackPorts.Free());
        // Silos and clients of one deployment name the same broker, prefix and queue count.
        void SameQueues(RabbitMqStreamOptions o)
        {
            o.Uri = broker;
            o.QueuePrefix = prefix;
            o.QueueCount = 2;
        }

        var siloBuilder = Host.CreateApplicationBuilder();
        siloBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
        siloBuilder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort)
            .AddRabbitMqStreams(provider, SameQueues));
        using var siloHost = siloBuilder.Build();
        await siloHost.StartAsync();

        var clientBuilder = Host.CreateApplicationBuilder();
        clientBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
        clientBuilder.UseOrleansClient(client => client
            .UseLocalhostClustering(gatewayPort)
            .AddRabbitMqStreams(provider, SameQueues));
        using var clientHost = clientBuilder.Build();
        await clientHost.StartAsync();
        try
        {
            var orleans = clientHost.Services.GetRequiredService<IClusterClient>();
            var stream = orleans.GetStreamProvider(provider).GetStream<TestEvent>(StreamId.Create(provider, "SAMPLE"));
            for (var sequence = 1; sequence <= 100; sequence++)
                await stream.OnNextAsync(new Tick("SAMPLE", sequence)); // completes on the broker's confirm

            var probe = orleans.GetGrain<IStreamProbeGrain>("SAMPLE");
            await Polling.UntilAsync(async () => (await probe.GetSnapshotAsync()).Of(provider).Count >= 100);
            Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), (await probe.GetSnapshotAsync()).Of(provider));
        }
        finally
        {
            await clientHost.StopAsync();
            await siloHost.StopAsync();
            await RabbitMqBroker.DeleteAsync(prefix, [$"{prefix}-{provider}-0", $"{prefix}-{provider}-1"]);
        }
    }
}
