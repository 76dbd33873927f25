using Orleans.Streaming.RabbitMQ;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scanner.ServiceDefaults.Health;
using Scanner.Silo.MarketFeed;

namespace Scanner.Silo.Operations;

/// <summary>
/// <c>GET /health</c>: the silo's state at a glance for operators: the readiness checks' verdict with its reasons,
/// the listener and its counters, the stream providers. 503 when unhealthy (a fix or a restart is needed, or a
/// dependency is unreachable). Answers from in-memory state only.
/// </summary>
public static class SiloHealthEndpoint
{
    public const string ServiceName = "scanner-silo";

    public static IEndpointRouteBuilder MapSiloHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (HealthCheckService health, MarketFeedListenerStatus listener, MarketFeedMetrics metrics, ILocalSiloDetails silo, IServiceProvider services, CancellationToken cancellationToken) =>
        {
            var report = await health.CheckHealthAsync(c => c.Tags.Contains(HealthTags.Ready), cancellationToken);
            var snapshot = listener.Snapshot(metrics.Snapshot());
            var streams = services.GetService<RabbitMqStreamStatusBoard>()?.All ?? [];
            var body = new SiloHealth(ServiceName, HealthResponses.Word(report.Status), HealthResponses.Reasons(report), silo.SiloAddress.ToString(), snapshot, streams);
            return Results.Json(body, statusCode: HealthResponses.StatusCode(report.Status));
        });
        return app;
    }

    /// <summary>The word the listener's state alone earns (see <see cref="MarketFeedHealthCheck.Classify"/>).</summary>
    public static string Classify(ListenerState state) => HealthResponses.Word(MarketFeedHealthCheck.Classify(state));
}

public sealed record SiloHealth(
    string Service,
    string Status,
    string[] Reasons,
    string Silo,
    FeedListenerSnapshot Listener,
    IReadOnlyCollection<RabbitMqStreamStatus> Streams);
