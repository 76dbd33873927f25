using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Scanner.Silo.MarketFeed;

public static class MarketFeedListenerRegistration
{
    /// <summary>Registers the feed listener; call after <c>UseOrleans</c> so the silo starts before it publishes.</summary>
    public static IServiceCollection AddFeedListener(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MarketFeedOptions.Section);
        services.AddOptions<MarketFeedOptions>()
            .Bind(section)
            // The binder appends a configured array to the default one (it binds by index): a configured list replaces it.
            .Configure(o => o.Subscriptions = section.GetSection(nameof(MarketFeedOptions.Subscriptions)).Get<string[]>() ?? o.Subscriptions)
            .ValidateDataAnnotations()
            .Validate(o => !o.Enabled || o.ApiKey.Length > 0, "Feed:ApiKey (or MASSIVE_API_KEY) is required while the listener is enabled")
            .Validate(o => o.Url.Scheme is "ws" or "wss", "Feed:Url must be a ws:// or wss:// URL")
            .Validate(o => o.FrameBufferBytes >= o.MaxFrameBytes, "Feed:FrameBufferBytes must be at least Feed:MaxFrameBytes")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<MarketFeedMetrics>();
        services.TryAddSingleton<MarketFeedListenerStatus>();
        services.TryAddSingleton<IStreamBatchPublisher, OrleansStreamBatchPublisher>();
        services.TryAddSingleton(sp => new ListenerIdentity(sp.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString()));
        services.TryAddSingleton<Control.MarketFeedControl>();
        services.AddHostedService<MarketFeedListener>();
        return services;
    }
}
