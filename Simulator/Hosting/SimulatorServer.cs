using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scanner.Simulator.Control;
using Scanner.ServiceDefaults;
using Scanner.Simulator.Distribution;
using Scanner.Simulator.Replay;
using Scanner.Simulator.Rest;
using Scanner.Simulator.Sources;
using Scanner.Simulator.Synthetic;

namespace Scanner.Simulator.Hosting;

/// <summary>
/// The simulator as an object: <c>await using var sim = await SimulatorServer.StartAsync(options)</c> serves the feed
/// at <see cref="WebSocketUri"/> and the REST endpoints under <see cref="RestBaseUri"/> until disposed. Port 0 (the
/// default) picks a free port, so tests and benchmarks can run many side by side.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    public const string ServiceName = "scanner-simulator";

    private readonly WebApplication _app;
    private readonly SimulatorCounters _counters;
    private readonly ConnectionRegistry _registry;
    private readonly RestRequestCounts _restRequests;

    private SimulatorServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        _counters = app.Services.GetRequiredService<SimulatorCounters>();
        _registry = app.Services.GetRequiredService<ConnectionRegistry>();
        _restRequests = app.Services.GetRequiredService<RestRequestCounts>();
        Source = app.Services.GetRequiredService<IFeedSource>();
        Options = app.Services.GetRequiredService<SimulatorOptions>();
        RestBaseUri = baseUri;
        WebSocketUri = new UriBuilder(baseUri) { Scheme = "ws", Path = "/stocks" }.Uri;
    }

    public SimulatorOptions Options { get; }
    public IFeedSource Source { get; }
    public Uri WebSocketUri { get; }
    public Uri RestBaseUri { get; }

    public SimulatorStats Stats
    {
        get
        {
            var connections = _registry.Snapshot;
            return new SimulatorStats(
                ServiceName,
                "ok",
                Source.Name,
                DateTimeOffset.FromUnixTimeMilliseconds(Source.Clock.NowUnixMs),
                _counters.EventsPublished,
                _counters.EventsSent,
                _counters.FramesSent,
                _counters.EventsDropped,
                _counters.ConnectionsAccepted,
                _counters.ConnectionsRejected,
                connections.Length,
                [.. connections.Select(c => c.Stats)],
                _restRequests.Snapshot);
        }
    }

    public static async Task<SimulatorServer> StartAsync(
        SimulatorOptions options,
        Action<ILoggingBuilder>? configureLogging = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(ListenAddress(options.Host), options.Port));
        builder.AddServiceDefaults(ServiceName);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configureLogging?.Invoke(builder.Logging);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<ConnectionRegistry>();
        services.AddSingleton<SimulatorCounters>();
        services.AddSingleton<RestRequestCounts>();
        services.AddSingleton<FeedBroadcaster>();
        services.AddSingleton<FeedWebSocketEndpoint>();
        services.AddSingleton<IFeedSource>(sp => options.Source switch
        {
            FeedSourceKind.Synthetic => ActivatorUtilities.CreateInstance<SyntheticSource>(sp),
            FeedSourceKind.Demo => ActivatorUtilities.CreateInstance<DemoSource>(sp),
            _ => ActivatorUtilities.CreateInstance<ReplaySource>(sp),
        });
        services.AddHostedService<FeedSourceService>();

        var app = builder.Build();
        app.UseServiceDefaults();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        var feed = app.Services.GetRequiredService<FeedWebSocketEndpoint>();
        app.Map("/stocks", feed.HandleAsync);
        app.Map("/", feed.HandleAsync);
        SimulatorServer? server = null;
        app.MapGet("/health", () => server!.Stats);
        app.MapReferenceEndpoints(options);
        app.MapSimulatorControl(options);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new UriBuilder(address);
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }
        server = new SimulatorServer(app, uri.Uri);
        return server;
    }

    /// <summary>Runs until the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IPAddress ListenAddress(string host) =>
        host is "localhost" ? IPAddress.Loopback
        : host is "*" or "+" ? IPAddress.Any
        : IPAddress.TryParse(host, out var address) ? address
        : throw new ArgumentException($"Host must be an IP address, localhost or *: {host}");
}
