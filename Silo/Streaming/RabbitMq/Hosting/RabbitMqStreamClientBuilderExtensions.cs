using Microsoft.Extensions.Options;

namespace Scanner.Silo.Streaming.RabbitMq;

/// <summary>
/// Lets an Orleans client produce to a RabbitMQ stream provider (same name and options as the silos'). A client
/// only publishes: it has no receivers and runs no dead-letter monitor.
/// </summary>
public static class RabbitMqStreamClientBuilderExtensions
{
    public static IClientBuilder AddRabbitMqStreams(this IClientBuilder builder, string name, Action<RabbitMqStreamOptions> configure) =>
        builder.AddRabbitMqStreams(name, options => options.Configure(configure));

    public static IClientBuilder AddRabbitMqStreams(this IClientBuilder builder, string name, Action<OptionsBuilder<RabbitMqStreamOptions>> configure)
    {
        RabbitMqStreamRegistration.AddServices(builder.Services, name, configure);
        return builder.AddPersistentStreams(name, RabbitMqAdapterFactory.CreateForClient, stream => RabbitMqStreamRegistration.ConfigureStream(stream, name));
    }
}
