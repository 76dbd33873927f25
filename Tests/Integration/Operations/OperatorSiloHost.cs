using Scanner.ServiceDefaults;
using Scanner.ServiceDefaults.Configuration;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scanner.ScannerFeeds;
using Scanner.Silo.MarketFeed;
using Scanner.Silo.Hosting;
using Scanner.Silo.Operations;

namespace Scanner.Tests.Integration.Operations;

/// <summary>
/// A silo web host composed like the silo process (in-memory storage and streams, the dashboard, the listener, the
/// operator endpoints) listening on <see cref="Address"/>, a loopback address other than 127.0.0.1. Clients bound to
/// <see cref="RemoteAddress"/> reach it as a remote operator would, without leaving the machine.
/// </summary>
public sealed class OperatorSiloHost : IAsyncDisposable
{
    public static readonly IPAddress Address = IPAddress.Parse("127.0.0.2");
    public static readonly IPAddress RemoteAddress = IPAddress.Parse("127.0.0.3");

    private readonly WebApplication _app;

    private OperatorSiloHost(WebApplication app, Uri baseUri, ConcurrentQueue<string> logs)
    {
        _app = app;
        BaseUri = baseUri;
        Logs = logs;
    }

    /// <summary>Every line logged at Information or above, as "category: message".</summary>
    public ConcurrentQueue<string> Logs { get; }

    public Uri BaseUri { get; }

    public IServiceProvider Services => _app.Services;

    public FeedListenerSnapshot Listener =>
        Services.GetRequiredService<MarketFeedListenerStatus>().Snapshot(Services.GetRequiredService<MarketFeedMetrics>().Snapshot());

    /// <param name="settings">Configuration on top of a disabled listener and no operator password.</param>
    public static async Task<OperatorSiloHost> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Feed:Enabled"] = "false",
            ["Hydration:BaseUrl"] = "http://127.0.0.1:9",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(Address, 0));
        builder.AddServiceDefaults(SiloHealthEndpoint.ServiceName);
        var logs = new ConcurrentQueue<string>();
        builder.Logging.AddProvider(new CapturingLoggerProvider(logs));
        var host = new ScannerHostOptions { Infrastructure = ScannerInfrastructure.InMemory, SiloPort = LoopbackPorts.Free(), GatewayPort = LoopbackPorts.Free() };
        builder.UseOrleans(silo => silo.ConfigureScannerSilo(host, new InfrastructureOptions()));
        builder.Services.AddScannerGrains(builder.Configuration);
        builder.Services.AddFeedPublishing();
        builder.Services.AddFeedListener(builder.Configuration);
        builder.Services.AddSiloHealthChecks(host, new InfrastructureOptions());
        builder.Services.AddOperatorAccess(builder.Configuration);

        var app = builder.Build();
        app.UseServiceDefaults(metrics => metrics.ProtectMetricsIfConfigured(app.Configuration));
        app.UseAuthorization();
        app.MapSiloHealth();
        app.MapOperatorEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OperatorSiloHost(app, new Uri(address), logs);
    }

    /// <summary>A client connecting from <paramref name="from"/> (the kernel's choice, 127.0.0.1, when null).</summary>
    public HttpClient Client(IPAddress? from = null, string? user = null, string? password = null) =>
        CreateClient(BaseUri, from, user, password);

    public static HttpClient CreateClient(Uri baseUri, IPAddress? from = null, string? user = null, string? password = null)
    {
        var handler = new SocketsHttpHandler();
        if (from is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        if (user is not null)
        {
            // Like a browser: answers the Basic challenge and keeps sending the credentials, redirects included.
            handler.Credentials = new NetworkCredential(user, password);
            handler.PreAuthenticate = true;
        }
        return new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lines.Enqueue($"{category}: {formatter(state, exception)}");
                }
            }
        }
    }
}
