using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using Scanner.Calendar;

namespace Scanner.Hydration;

public static class HydrationClientRegistration
{
    /// <summary>
    /// Registers the silo's <see cref="IReferenceDataSource"/>, <see cref="MarketReferenceSource"/> (the day's bulk
    /// table through <see cref="MarketReferenceCache"/> and <see cref="MarketReferenceLoader"/>, per ticker through
    /// <see cref="HydrationClient"/> for what it lacks), over one typed HttpClient, <see cref="MassiveRestClient"/>,
    /// with one resilience pipeline, the only retry policy of a load: per request, up to
    /// <see cref="HydrationOptions.MaxAttempts"/> attempts for transient failures (network, timeout, 408, 429, 5xx)
    /// with exponential backoff from <see cref="HydrationOptions.RetryDelay"/>; each attempt waits for a permit of
    /// the silo's <see cref="HydrationRequestLimiter"/> and then has <see cref="HydrationOptions.RequestTimeout"/>
    /// (<see cref="HydrationOptions.BulkRequestTimeout"/> for a whole-market request; the wait for a permit is not part of it).
    /// </summary>
    public static IHttpClientBuilder AddHydrationClient(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReferenceDataCache>();
        services.TryAddSingleton<HydrationRequestLimiter>();
        services.TryAddSingleton(static sp => new MarketReferenceCache(
            day => sp.GetRequiredService<IGrainFactory>().GetGrain<IMarketReferenceGrain>(TradingCalendar.ToNumber(day)).GetTable(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<HydrationOptions>>(),
            sp.GetRequiredService<ILogger<MarketReferenceCache>>()));
        services.TryAddTransient<HydrationClient>();
        services.TryAddTransient<MarketReferenceLoader>();
        services.TryAddTransient<IReferenceDataSource, MarketReferenceSource>();
        var client = services.AddHttpClient<MassiveRestClient>();
        client.AddResilienceHandler("hydration", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<HydrationOptions>>().Value;
            if (options.MaxAttempts > 1)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxAttempts - 1,
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = false,
                    ShouldRetryAfterHeader = false,
                });
            }
            pipeline.AddRateLimiter(context.ServiceProvider.GetRequiredService<HydrationRequestLimiter>().Limiter);
            pipeline.AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(MassiveRestClient.AttemptTimeout(args.Context.GetRequestMessage(), options)),
            });
        });
        return client;
    }
}
