using Microsoft.Extensions.Options;
using Scanner.Gateway.Auth;
using Scanner.Gateway.Backend;
using Scanner.Gateway.FanOut;
using Scanner.Gateway.Health;
using Scanner.Gateway.Hosting;

namespace Scanner.Gateway.Connections;

/// <summary>
/// <c>/ws</c>: checks the origin and any token carried by the upgrade request (query <c>token</c> or a bearer
/// header; a bad one is refused with 401 before upgrading), takes a slot within the registry's connection caps
/// (refused before upgrading: 503 when the gateway or its unauthenticated sockets are full, 429 for the client
/// address), then runs a <see cref="ClientConnection"/>.
/// <c>?format=raw</c> selects the original's raw updates instead of the envelope.
/// </summary>
internal static partial class WebSocketEndpoint
{
    public static void MapClientSocket(this IEndpointRouteBuilder app) => app.Map("/ws", HandleAsync);

    private static async Task HandleAsync(
        HttpContext context, ScannerFeedHub hub, IScannerFeedBackend backend, ClientAuthenticator authenticator, ClientRegistry registry, OriginPolicy origins,
        GatewayMetrics metrics, IOptions<GatewayOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("WebSocket connections only").ConfigureAwait(false);
            return;
        }
        var logger = loggers.CreateLogger("Scanner.Gateway.Connections");
        if (!origins.IsAllowed(context.Request))
        {
            metrics.ConnectionRejected();
            LogOriginRejected(logger, context.Request.Headers.Origin.ToString());
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        string? user = null;
        if (CredentialOf(context.Request) is { } credential && authenticator.Enabled)
        {
            var check = await authenticator.AuthenticateAsync(credential, freshSession: false, context.RequestAborted).ConfigureAwait(false);
            if (!check.IsValid)
            {
                metrics.AuthFailed();
                metrics.ConnectionRejected();
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            user = check.Subject;
        }
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var refusal = registry.TryAdmit(address, authenticated: user is not null || !authenticator.Enabled, out var slot);
        if (refusal != ConnectionRefusal.None)
        {
            metrics.ConnectionRejected();
            await RefuseUpgradeAsync(context.Response, refusal).ConfigureAwait(false);
            return;
        }
        using var admitted = slot;
        var raw = string.Equals(context.Request.Query["format"], "raw", StringComparison.OrdinalIgnoreCase);
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var services = new ClientServices(hub, backend, authenticator, registry, metrics, options.Value, time, logger);
        var connection = new ClientConnection(socket, raw, services, slot, BatchingUpgradeFeature.TransportOf(context));
        if (user is not null && !connection.Session.TryAuthorize(user))
        {
            metrics.ConnectionRejected();
            await RefuseAsync(socket, options.Value.MaxConnectionsPerUser).ConfigureAwait(false);
            return;
        }
        await connection.RunAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static string? CredentialOf(HttpRequest request) =>
        request.Query["token"].ToString() is { Length: > 0 } token ? token : AuthEndpoints.BearerOf(request);

    /// <summary>The HTTP answer to an upgrade over a cap: the client may retry a little later.</summary>
    private static Task RefuseUpgradeAsync(HttpResponse response, ConnectionRefusal refusal)
    {
        var (status, message) = refusal switch
        {
            ConnectionRefusal.TooManyFromAddress => (StatusCodes.Status429TooManyRequests, "too many connections from this address"),
            ConnectionRefusal.TooManyUnauthenticated => (StatusCodes.Status503ServiceUnavailable, "too many unauthenticated connections"),
            _ => (StatusCodes.Status503ServiceUnavailable, "too many connections"),
        };
        response.StatusCode = status;
        response.Headers.RetryAfter = "5";
        return response.WriteAsync(message);
    }

    private static async Task RefuseAsync(System.Net.WebSockets.WebSocket socket, int limit)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var reply = Protocol.ServerReplies.TooManyConnections(limit);
        await socket.SendAsync(reply, System.Net.WebSockets.WebSocketMessageType.Text, true, timeout.Token).ConfigureAwait(false);
        await socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, "connection limit", timeout.Token).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WebSocket refused: origin {Origin} is not allowed")]
    private static partial void LogOriginRejected(ILogger logger, string origin);
}
