using Microsoft.Extensions.DependencyInjection.Extensions;
using Scanner.Feeds;

namespace Microsoft.Extensions.DependencyInjection;

public static class FeedPublishingExtensions
{
    /// <summary>
    /// The silo side of the feed fan-out: a singleton <see cref="IFeedPublisher"/> for grains and the hosted loops that
    /// deliver to gateways. Call after <c>UseOrleans</c> so the loops start once the silo runs.
    /// </summary>
    public static IServiceCollection AddFeedPublishing(this IServiceCollection services, Action<FeedPublishingOptions>? configure = null)
    {
        services.AddOptions<FeedPublishingOptions>().Configure(o => configure?.Invoke(o)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<FanOutMetrics>();
        services.TryAddSingleton<FeedPublisher>();
        services.TryAddSingleton<IFeedPublisher>(sp => sp.GetRequiredService<FeedPublisher>());
        services.AddHostedService<FeedPublishingService>();
        return services;
    }
}
