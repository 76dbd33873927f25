using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Streaming.RabbitMQ;

namespace Orleans.Hosting;

/// <summary>
/// Registers RabbitMQ persistent stream providers on a silo. Each provider is configured with implicit-only pub-sub
/// (<c>ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly)</c>, an Orleans per-provider setting): consumers
/// subscribe with <c>[ImplicitStreamSubscription]</c>, so no PubSubStore grain storage is needed.
/// <code>
/// siloBuilder.AddRabbitMqStreams("orders", o => o.Uri = new Uri("amqp://guest:guest@127.0.0.1:5672/"));
/// </code>
/// Providers on the same URI share one connection (each has its own channels); the status of each is on
/// <see cref="RabbitMqStreamStatusBoard"/>, and its metrics under the meter <see cref="RabbitMqStreamStatusBoard.MeterName"/>.
/// </summary>
public static class RabbitMqStreamSiloBuilderExtensions
{
    /// <summary>Adds provider <paramref name="name"/> (also the stream namespace) on queues <c>{prefix}-{name}-{i}</c>.</summary>
    public static ISiloBuilder AddRabbitMqStreams(this ISiloBuilder builder, string name, Action<RabbitMqStreamOptions> configure) =>
        builder.AddRabbitMqStreams(name, options => options.Configure(configure));

    /// <summary>Adds provider <paramref name="name"/>; <paramref name="configure"/> may bind configuration or use other services.</summary>
    public static ISiloBuilder AddRabbitMqStreams(this ISiloBuilder builder, string name, Action<OptionsBuilder<RabbitMqStreamOptions>> configure)
    {
        RabbitMqStreamRegistration.AddServices(builder.Services, name, configure);
        return builder.AddPersistentStreams(name, RabbitMqAdapterFactory.Create, stream =>
        {
            RabbitMqStreamRegistration.ConfigureStream(stream, name);
            stream.ConfigurePullingAgent(agent => agent.Configure(ConfigurePullingAgent));
        });
    }

    /// <summary>
    /// Defaults of the pulling agents (a later <c>Configure&lt;StreamPullingAgentOptions&gt;(name, ...)</c> overrides
    /// them): a consumer that is behind gets up to 32 of its stream's containers in one call (a batch observer sees
    /// them as one list), instead of one grain call per container; and an idle queue is polled every 20 ms instead of
    /// 100 ms, since a provider with message TTLs is meant for fresh data.
    /// </summary>
    private static void ConfigurePullingAgent(StreamPullingAgentOptions agent)
    {
        agent.BatchContainerBatchSize = 32;
        agent.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(20);
    }
}
