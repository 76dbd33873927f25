using Scanner.Gateway.Backend;
using Scanner.Gateway.FanOut;

namespace Scanner.Gateway.Health;

/// <summary><c>GET /health</c>: the original's service/status/active_clients plus the fan-out counters.</summary>
internal static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder app) => app.MapGet("/health", (GatewayMetrics metrics, IFeedBackend backend, FeedHub hub) =>
        Results.Json(new
        {
            service = "scanner-gateway",
            status = backend.IsConnected ? "ok" : "degraded",
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
        }));
}
