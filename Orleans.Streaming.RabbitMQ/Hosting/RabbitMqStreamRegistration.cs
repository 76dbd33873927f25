using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Streams;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>What silo and client registrations of a provider have in common.</summary>
internal static class RabbitMqStreamRegistration
{
    public static void AddServices(IServiceCollection services, string name, Action<OptionsBuilder<RabbitMqStreamOptions>> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.AddMetrics();
        services.TryAddSingleton<RabbitMqStreamStatusBoard>();
        services.TryAddSingleton<RabbitMqConnectionRegistry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RabbitMqStreamOptions>, RabbitMqStreamOptionsValidator>());
        configure(services.AddOptions<RabbitMqStreamOptions>(name).ValidateOnStart());
    }

    /// <summary>Implicit-only pub-sub, and as many mapper queues as <see cref="RabbitMqStreamOptions.QueueCount"/>.</summary>
    public static void ConfigureStream(IPersistentStreamConfigurator stream, string name)
    {
        stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        stream.Configure<HashRingStreamQueueMapperOptions>(mapper => mapper
            .Configure<IOptionsMonitor<RabbitMqStreamOptions>>((o, rabbit) => o.TotalQueueCount = rabbit.Get(name).QueueCount));
    }
}
