using NATS.Client.Core;
using Orleans.Configuration;
using Orleans.Streaming.NATS.Hosting;
using Orleans.Streaming.RabbitMQ;
using Orleans.Streams;

namespace Scanner.Benchmarks.Streaming;

/// <summary>
/// The stream providers the provider load run compares, each registered as provider <c>name</c> the same way: the
/// same number of queues (partitions), implicit subscriptions only, and the pulling-agent settings our RabbitMQ
/// provider brings by default (32 containers per grain call, 20 ms poll), so the runs differ in the provider alone.
/// </summary>
internal static class ProviderUnderTest
{
    public const string RabbitMq = "rabbitmq";
    public const string Nats = "nats";
    public const string Memory = "memory";

    public static readonly string[] All = [RabbitMq, Nats, Memory];

    public static void Add(ISiloBuilder silo, string provider, string name, int queues, Uri? broker, string prefix)
    {
        switch (provider)
        {
            case RabbitMq:
                silo.AddRabbitMqStreams(name, o =>
                {
                    o.Uri = Require(broker, provider);
                    o.QueuePrefix = prefix;
                    o.QueueCount = queues;
                    o.MessageTtl = TimeSpan.FromSeconds(60);
                });
                break;
            case Nats:
                silo.AddNatsStreams(name, (SiloNatsStreamConfigurator nats) =>
                {
                    nats.ConfigureNats(o => o.Configure(options =>
                    {
                        options.StreamName = prefix;
                        options.PartitionCount = queues;
                        options.NatsClientOptions = NatsOpts.Default with { Url = Require(broker, provider).ToString() };
                    }));
                    nats.ConfigurePartitioning(queues);
                    nats.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                    nats.ConfigurePullingAgent(agent => agent.Configure(SameAgentAsRabbitMq));
                });
                break;
            case Memory:
                silo.AddMemoryStreams(name, memory =>
                {
                    memory.ConfigurePartitioning(queues);
                    memory.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                    memory.ConfigurePullingAgent(agent => agent.Configure(SameAgentAsRabbitMq));
                });
                break;
            default:
                throw new ArgumentException($"Unknown provider '{provider}': one of {string.Join(", ", All)}.");
        }
    }

    private static void SameAgentAsRabbitMq(StreamPullingAgentOptions agent)
    {
        agent.BatchContainerBatchSize = 32;
        agent.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(20);
    }

    private static Uri Require(Uri? broker, string provider) =>
        broker ?? throw new ArgumentException($"The {provider} provider needs its broker's address.");
}
