using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Scanner.ServiceDefaults.Configuration;
using Scanner.ServiceDefaults.Health;
using Scanner.ServiceDefaults.Logging;
using Scanner.ServiceDefaults.Telemetry;

namespace Scanner.ServiceDefaults;

/// <summary>
/// What every scanner process starts from, in the spirit of .NET Aspire's service defaults: the original
/// environment names, validated infrastructure endpoints, one <see cref="TimeProvider"/>, logging defaults,
/// OpenTelemetry, and the health endpoints <c>/health/live</c> and <c>/health/ready</c>.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string LivePath = "/health/live";

    public const string ReadyPath = "/health/ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Configuration.AddEnvironmentAliases();
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<InfrastructureOptions>()
            .Bind(builder.Configuration.GetSection(InfrastructureOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InfrastructureOptions>, InfrastructureOptionsValidator>());
        builder.AddLoggingDefaults();
        builder.AddTelemetryDefaults(serviceName);
        services.AddHealthChecks();
        services.AddHostedService<HealthSampler>();
        return builder;
    }

    /// <summary>Adds a readiness check whose state a background probe of <paramref name="host"/>:<paramref name="port"/> keeps current.</summary>
    public static IHealthChecksBuilder AddReachabilityCheck(this IHealthChecksBuilder checks, string name, string host, int port)
    {
        checks.Services.AddKeyedSingleton(name, (sp, _) => new TcpReachabilityProbe(name, host, port, sp.GetRequiredService<TimeProvider>()));
        checks.Services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<TcpReachabilityProbe>(name));
        return checks.Add(new HealthCheckRegistration(name, sp => sp.GetRequiredKeyedService<TcpReachabilityProbe>(name), null, [HealthTags.Ready]));
    }

    /// <summary>Adds a readiness check that is degraded while any of the counters rose in the last minute.</summary>
    public static IHealthChecksBuilder AddLossCheck(this IHealthChecksBuilder checks, string name, Func<IServiceProvider, IEnumerable<LossCounter>> counters)
    {
        // One instance for the process: its rolling windows are its memory (a registration's factory runs per check).
        checks.Services.AddKeyedSingleton(name, (sp, _) => new LossCounterHealthCheck(counters(sp), sp.GetRequiredService<TimeProvider>()));
        return checks.Add(new HealthCheckRegistration(name, sp => sp.GetRequiredKeyedService<LossCounterHealthCheck>(name), null, [HealthTags.Ready]));
    }

    /// <summary>
    /// Request logging (Debug, credentials masked), <c>/metrics</c>, <c>/health/live</c> and <c>/health/ready</c>;
    /// <paramref name="metrics"/> may put the metrics endpoint behind a host's own authorization.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app, Action<IEndpointConventionBuilder>? metrics = null)
    {
        app.UseMiddleware<RequestLogging>();
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponses.WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponses.WriteAsync,
        });
        var endpoint = app.MapMetrics();
        metrics?.Invoke(endpoint);
        return app;
    }
}
