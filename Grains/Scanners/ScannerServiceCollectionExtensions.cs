using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scanner.Hydration;
using Scanner.Persistence;
using Scanner.Scanners;

namespace Scanner;

public static class ScannerServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the ticker, ranking and scanner grains need in a silo: <see cref="ScannerOptions"/> (section
    /// <c>Scanner</c>), <see cref="HydrationOptions"/> (section <c>Hydration</c>; the host maps
    /// <c>MASSIVE_API_KEY</c> / <c>POLYGON_API_KEY</c> onto its key), both validated at start, the hydration client
    /// (<see cref="HydrationClientRegistration"/>), the <see cref="RankingReporter"/> that carries ticker rows to the
    /// ranking shards, and the silo's <see cref="StateWriteFailures"/> (the grains' failed state writes, for health).
    /// The silo also needs grain storage "scanner", the five market data stream providers and an
    /// <see cref="Feeds.IScannerFeedPublisher"/>.
    /// </summary>
    public static IServiceCollection AddScannerGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScannerOptions>()
            .Bind(configuration.GetSection(ScannerOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<HydrationOptions>()
            .Bind(configuration.GetSection(HydrationOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StateWriteFailures>();
        services.TryAddSingleton<RankingReporter>();
        services.AddHostedService(sp => sp.GetRequiredService<RankingReporter>());
        services.AddHydrationClient();
        return services;
    }
}
