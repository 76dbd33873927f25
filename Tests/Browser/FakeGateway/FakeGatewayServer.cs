using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Scanner.Tests.Browser.FakeGateway;

/// <summary>
/// A test-only stand-in for the gateway: serves Gateway/wwwroot and speaks the client protocol over
/// /ws with a synthetic market that changes every 200 ms. Auth is on with one fixed account.
/// <see cref="DropAllSockets"/> simulates a gateway restart.
/// </summary>
public sealed class FakeGatewayServer : IAsyncDisposable
{
    public const string Username = "trader";
    public const string Password = "correct-horse";
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Lists go out once a second, as the real scanners publish them; per-symbol feeds on every tick.</summary>
    private const int TicksPerListPublish = 5;

    private readonly WebApplication _app;
    private readonly SyntheticMarket _market = new();
    private readonly ConcurrentDictionary<FakeClientSession, byte> _sessions = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _token = "fake-" + Guid.NewGuid().ToString("N");
    private Task? _ticker;
    private long _refuseUntil;
    private int _connectionsAccepted;

    private FakeGatewayServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>WebSocket connections accepted since start (a reconnect adds one).</summary>
    public int ConnectionsAccepted => Volatile.Read(ref _connectionsAccepted);

    public IReadOnlyCollection<FakeClientSession> Sessions => _sessions.Keys.ToArray();

    public IReadOnlyList<string> Symbols => _market.Symbols;

    public static async Task<FakeGatewayServer> StartAsync(string wwwroot)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeGatewayServer(app);
        server.Map(wwwroot);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address);
        server._ticker = server.TickAsync();
        return server;
    }

    /// <summary>Aborts every socket, as a restarting gateway would, and refuses new ones for a while.</summary>
    public void DropAllSockets(TimeSpan refuseFor)
    {
        Interlocked.Exchange(ref _refuseUntil, Environment.TickCount64 + (long)refuseFor.TotalMilliseconds);
        foreach (var session in _sessions.Keys) session.Abort();
    }

    private void Map(string wwwroot)
    {
        var files = new PhysicalFileProvider(wwwroot);
        _app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        _app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        _app.UseWebSockets();

        _app.MapGet("/auth/config", () => Results.Json(new { auth_enabled = true }));
        _app.MapPost("/auth/token", async (HttpContext http) =>
        {
            var login = await http.Request.ReadFromJsonAsync<LoginRequest>();
            if (login is not { username: Username, password: Password }) return Results.StatusCode(StatusCodes.Status401Unauthorized);
            var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
            return Results.Json(new { token = _token, expires_at = expires });
        });
        _app.Map("/ws", async (HttpContext http) =>
        {
            if (!http.WebSockets.IsWebSocketRequest) return Results.BadRequest();
            if (Environment.TickCount64 < Interlocked.Read(ref _refuseUntil)) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            Interlocked.Increment(ref _connectionsAccepted);
            var session = new FakeClientSession(socket, _market, _token);
            _sessions[session] = 0;
            try
            {
                await session.RunAsync(_stop.Token);
            }
            finally
            {
                _sessions.TryRemove(session, out _);
            }
            return Results.Empty;
        });
    }

    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(TickInterval);
        try
        {
            for (var tick = 1L; await timer.WaitForNextTickAsync(_stop.Token); tick++)
            {
                _market.Tick();
                var lists = tick % TicksPerListPublish == 0;
                foreach (var session in _sessions.Keys) session.PublishSubscribed(lists);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var session in _sessions.Keys) session.Abort();
        if (_ticker is not null) await _ticker;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stop.Dispose();
    }

    private sealed record LoginRequest(string? username, string? password);
}
