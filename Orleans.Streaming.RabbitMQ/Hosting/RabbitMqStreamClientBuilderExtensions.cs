using Microsoft.Extensions.Options;
using Orleans.Streaming.RabbitMQ;

namespace Orleans.Hosting;

/// <summary>
/// Lets an Orleans client produce to a RabbitMQ stream provider (same name and options as the silos'). A client
/// only publishes: it has no receivers and runs no dead-letter monitor.
/// </summary>
public static class RabbitMqStreamClientBuilderExtensions
{
    /// <summary>Adds provider <paramref name="name"/> for publishing; use the silos' name and options.</summary>
    public static IClientBuilder AddRabbitMqStreams(this IClientBuilder builder, string name, Action<RabbitMqStreamOptions> configure) =>
        builder.AddRabbitMqStreams(name, options => options.Configure(configure));

    /// <summary>Adds provider <paramref name="name"/>; <paramref name="configure"/> may bind configuration or use other services.</summary>
    public static IClientBuilder AddRabbitMqStreams(this IClientBuilder builder, string name, Action<OptionsBuilder<RabbitMqStreamOptions>> configure)
    {
        RabbitMqStreamRegistration.AddServices(builder.Services, name, configure);
        return builder.AddPersistentStreams(name, RabbitMqAdapterFactory.CreateForClient, stream => RabbitMqStreamRegistration.ConfigureStream(stream, name));
    }
}
