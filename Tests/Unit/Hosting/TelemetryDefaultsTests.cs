using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scanner.ServiceDefaults;
using Scanner.ServiceDefaults.Telemetry;

namespace Scanner.Tests.Unit.Hosting;

/// <summary>Metrics always (for /metrics); traces (inbound requests, HttpClient calls such as hydration) only when an OTLP endpoint is set.</summary>
public class TelemetryDefaultsTests
{
    private static IHost Build(string? otlpEndpoint)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        if (otlpEndpoint is not null)
        {
            builder.Configuration.AddInMemoryCollection([KeyValuePair.Create(TelemetryDefaults.OtlpEndpointVariable, (string?)otlpEndpoint)]);
        }
        builder.AddServiceDefaults("test");
        return builder.Build();
    }

    [Fact]
    public void Without_an_otlp_endpoint_metrics_are_collected_and_no_spans_are_recorded()
    {
        using var host = Build(null);
        Assert.NotNull(host.Services.GetService<MeterProvider>());
        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_an_otlp_endpoint_outgoing_http_calls_are_recorded_as_spans()
    {
        const string Path = "/telemetry-defaults-test/v2/aggs";
        var recorded = new List<Activity>();
        // Observes only: returns no sampling decision of its own, so a span exists only if the tracer provider asks for it.
        using var observer = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("url.full") is string url && url.Contains(Path, StringComparison.Ordinal))
                {
                    lock (recorded)
                    {
                        recorded.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(observer);

        async Task CallAsync()
        {
            using var http = new HttpClient();
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://127.0.0.1:9{Path}"));   // nothing listens: still a span
        }

        using (Build(null))
        {
            await CallAsync();
        }
        Assert.Empty(recorded);

        using var host = Build("http://127.0.0.1:4317");
        Assert.NotNull(host.Services.GetRequiredService<TracerProvider>());
        await CallAsync();
        var span = Assert.Single(recorded);
        Assert.True(span.Recorded);
    }
}
