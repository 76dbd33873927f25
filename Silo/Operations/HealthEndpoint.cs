using Orleans.Streaming.RabbitMQ;
using Scanner.Silo.Feed;

namespace Scanner.Silo.Operations;

/// <summary>
/// <c>GET /health</c>: the silo's state at a glance for operators and orchestrators. 503 only when the listener
/// can no longer recover by itself (refused key, gave up), so a restart or a fix is needed.
/// </summary>
public static class HealthEndpoint
{
    public const string ServiceName = "scanner-silo";

    public static IEndpointRouteBuilder MapSiloHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (FeedListenerStatus listener, FeedMetrics metrics, ILocalSiloDetails silo, IServiceProvider services) =>
        {
            var snapshot = listener.Snapshot(metrics.Snapshot());
            var streams = services.GetService<RabbitMqStreamStatusBoard>()?.All ?? [];
            var status = Classify(listener.State);
            if (status == "healthy" && streams.Any(s => !s.Connected))
            {
                status = "degraded";
            }
            var body = new SiloHealth(ServiceName, status, silo.SiloAddress.ToString(), snapshot, streams);
            return Results.Json(body, statusCode: status == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        });
        return app;
    }

    public static string Classify(ListenerState state) => state switch
    {
        ListenerState.Streaming or ListenerState.Standby or ListenerState.Idle => "healthy",
        ListenerState.AuthFailed or ListenerState.Stopped => "unhealthy",
        _ => "degraded",
    };
}

public sealed record SiloHealth(
    string Service,
    string Status,
    string Silo,
    FeedListenerSnapshot Listener,
    IReadOnlyCollection<RabbitMqStreamStatus> Streams);
