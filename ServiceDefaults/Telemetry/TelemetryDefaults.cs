using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Scanner.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry for every process: the scanner's meters (<see cref="ScannerMeters"/>), Orleans', ASP.NET Core,
/// HttpClient, runtime and process metrics, scraped by Prometheus at <see cref="MetricsPath"/>; with
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, metrics and traces (inbound requests, a gateway's WebSocket sessions,
/// hydration calls) also go out over OTLP.
/// </summary>
public static class TelemetryDefaults
{
    public const string MetricsPath = "/metrics";

    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void AddTelemetryDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddMeter(ScannerMeters.Pattern, ScannerMeters.Orleans)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddProcessInstrumentation()
                .AddPrometheusExporter());
        if (otlp)
        {
            // Spans cost on every request: only recorded when someone collects them.
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(ScannerMeters.Pattern)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                    .AddHttpClientInstrumentation())
                .UseOtlpExporter();
        }
    }

    /// <summary>The Prometheus scrape endpoint; the one place it is mapped, so access rules can be added here.</summary>
    public static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder app) => app.MapPrometheusScrapingEndpoint(MetricsPath);

    private static bool IsProbe(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);
}
