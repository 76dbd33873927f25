using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scanner.Simulator.Protocol;

namespace Scanner.Tests.Integration.Upstream;

/// <summary>
/// A WebSocket server on loopback that speaks the Massive handshake and then does what its test scripts, one script
/// run per connection: the faults a well-behaved simulator never makes (garbage, giant and binary frames, cuts,
/// clean closes, missing acks, floods). Status frames are the simulator's own (<see cref="FeedStatuses"/>). Scripts
/// start once <see cref="Open"/> is called, so a test can look at the listener's health before the first fault.
/// </summary>
public sealed class ScriptedMassiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _connections;

    private ScriptedMassiveServer(WebApplication app) => _app = app;

    public Uri Uri { get; private set; } = null!;

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public static async Task<ScriptedMassiveServer> StartAsync(Func<MassiveConnection, Task> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedMassiveServer(app);
        app.UseWebSockets();
        app.Map("/stocks", async (HttpContext http) =>
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var connection = new MassiveConnection(socket, Interlocked.Increment(ref server._connections));
            try
            {
                await server._opened.Task;
                await script(connection);
                await connection.WaitForCloseAsync();
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
            {
                // The listener went away first (it reconnects, or the test ended).
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Uri = new UriBuilder(address) { Scheme = "ws", Path = "/stocks" }.Uri;
        return server;
    }

    /// <summary>Lets the scripts run (connections made before wait for it).</summary>
    public void Open() => _opened.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        _opened.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One listener connection as the script sees it.</summary>
public sealed class MassiveConnection(WebSocket socket, int number)
{
    /// <summary>1 for the first connection, 2 for the first reconnect, ...</summary>
    public int Number => number;

    /// <summary>Frames sent after authentication (acks included): what the listener's counters must account for.</summary>
    public int FramesSent { get; private set; }

    /// <summary>connected, auth (answered auth_success), subscribe; acks the first <paramref name="acknowledge"/> subscriptions (all by default).</summary>
    public async Task<string[]> HandshakeAsync(int acknowledge = int.MaxValue)
    {
        await SendRawAsync(FeedStatuses.Connected);
        await ExpectAsync("auth");
        await SendRawAsync(FeedStatuses.AuthSuccess);
        var subscriptions = (await ExpectAsync("subscribe")).Split(',');
        foreach (var subscription in subscriptions.Take(acknowledge))
        {
            await SendAsync(FeedStatuses.Subscribed(subscription));
        }
        return subscriptions;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public Task SendAsync(byte[] frame, WebSocketMessageType type = WebSocketMessageType.Text)
    {
        FramesSent++;
        return socket.SendAsync(frame, type, endOfMessage: true, CancellationToken.None);
    }

    /// <summary>A close handshake with 1000, as a server that ends a session cleanly.</summary>
    public Task CloseAsync() => socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "session over", CancellationToken.None);

    /// <summary>Cuts the TCP connection without a close frame, as a network fault does.</summary>
    public void Cut() => socket.Abort();

    /// <summary>Reads (and ignores) what the client sends until it closes; returns at once on a cut socket.</summary>
    public async Task WaitForCloseAsync()
    {
        var buffer = new byte[4096];
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent
            && (await socket.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
        {
        }
    }

    private Task SendRawAsync(byte[] frame) => socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>Reads the client's next message, which must be <paramref name="action"/>; returns its params.</summary>
    private async Task<string> ExpectAsync(string action)
    {
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
        using var message = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
        var received = message.RootElement.GetProperty("action").GetString();
        return received == action
            ? message.RootElement.GetProperty("params").GetString() ?? ""
            : throw new InvalidOperationException($"expected {action}, the listener sent {received}");
    }
}
