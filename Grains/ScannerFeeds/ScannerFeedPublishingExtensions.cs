using Microsoft.Extensions.DependencyInjection.Extensions;
using Scanner.ScannerFeeds;

namespace Microsoft.Extensions.DependencyInjection;

public static class ScannerFeedPublishingExtensions
{
    /// <summary>
    /// The silo side of the feed fan-out: a singleton <see cref="IScannerFeedPublisher"/> for grains and the hosted loops that
    /// deliver to gateways. Call after <c>UseOrleans</c> so the loops start once the silo runs.
    /// </summary>
    public static IServiceCollection AddFeedPublishing(this IServiceCollection services, Action<ScannerFeedPublishingOptions>? configure = null)
    {
        services.AddOptions<ScannerFeedPublishingOptions>().Configure(o => configure?.Invoke(o)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<FanOutMetrics>();
        services.TryAddSingleton<ScannerFeedPublisher>();
        services.TryAddSingleton<IScannerFeedPublisher>(sp => sp.GetRequiredService<ScannerFeedPublisher>());
        services.AddHostedService<ScannerFeedPublishingService>();
        return services;
    }
}
