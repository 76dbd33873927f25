using Microsoft.Extensions.Options;

namespace Scanner.Silo.Streaming.RabbitMq;

/// <summary>
/// Registers RabbitMQ persistent stream providers on a silo. Each provider is configured with implicit-only pub-sub
/// (<c>ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly)</c>, an Orleans per-provider setting): consumers
/// subscribe with <c>[ImplicitStreamSubscription]</c>, so no PubSubStore grain storage is needed.
/// <code>
/// foreach (var kind in MarketDataStreams.All)
///     siloBuilder.AddRabbitMqStreams(kind, o => o.Uri = new Uri("amqp://guest:guest@127.0.0.1:5672/"));
/// </code>
/// Providers on the same URI share one connection (each has its own channels); the status of each is on
/// <see cref="RabbitMqStreamStatusBoard"/>, and its metrics under the meter <c>Scanner.Streaming</c>.
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
        return builder.AddPersistentStreams(name, RabbitMqAdapterFactory.Create, stream => RabbitMqStreamRegistration.ConfigureStream(stream, name));
    }
}
