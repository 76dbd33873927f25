using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scanner.Gateway.FanOut;
using Scanner.ServiceDefaults.Health;

namespace Scanner.Gateway.Health;

/// <summary>
/// <c>GET /health</c>: the original's service/status/active_clients plus the fan-out counters and, when the
/// status is not <c>ok</c>, the reasons (readiness checks). Answers from in-memory state only.
/// </summary>
internal static class GatewayHealthEndpoint
{
    public const string ServiceName = "scanner-gateway";

    public static void MapHealth(this IEndpointRouteBuilder app) => app.MapGet("/health", async (HealthCheckService health, GatewayMetrics metrics, Backend.IScannerFeedBackend backend, ScannerFeedHub hub, CancellationToken cancellationToken) =>
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(HealthTags.Ready), cancellationToken);
        return Results.Json(new
        {
            service = ServiceName,
            status = report.Status == HealthStatus.Healthy ? "ok" : HealthResponses.Word(report.Status),
            reasons = HealthResponses.Reasons(report),
            active_clients = metrics.ActiveClients,
            subscriptions = hub.Subscriptions,
            cached_feeds = hub.CachedFeeds,
            backend_connected = backend.IsConnected,
            connections_accepted = metrics.ConnectionsAccepted,
            connections_rejected = metrics.ConnectionsRejected,
            messages_sent = metrics.MessagesSent,
            feed_updates = metrics.FeedUpdates,
            dropped_stale = metrics.DroppedStale,
            slow_clients_closed = metrics.SlowClientsClosed,
            auth_failures = metrics.AuthFailures,
            protocol_errors = metrics.ProtocolErrors,
        }, statusCode: HealthResponses.StatusCode(report.Status));
    });
}
