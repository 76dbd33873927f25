using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Scanner.Simulator.Distribution;

/// <summary>Accepts feed WebSocket connections (at <c>/stocks</c> and <c>/</c>) and runs each as a <see cref="FeedConnection"/>.</summary>
public sealed class FeedWebSocketEndpoint(
    SimulatorOptions options,
    ConnectionRegistry registry,
    SimulatorCounters counters,
    TimeProvider time,
    ILogger<FeedConnection> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("This is the feed WebSocket endpoint: connect with a WebSocket client.");
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FeedConnection(socket, options, registry, counters, time, logger);
        await connection.RunAsync(context.RequestAborted);
    }
}
