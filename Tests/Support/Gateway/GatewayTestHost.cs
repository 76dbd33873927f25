using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scanner.Gateway.Backend;
using Scanner.Gateway.Health;
using Scanner.Gateway.Hosting;

namespace Scanner.Tests.Support.Gateway;

/// <summary>
/// The real gateway (<see cref="GatewayApp"/>) in this process on 127.0.0.1, with a backend the test gives in place
/// of the Orleans client. Settings are configuration keys, <c>"Section:Key=value"</c>.
/// </summary>
public sealed class GatewayTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayTestHost(WebApplication app, Uri http)
    {
        _app = app;
        Http = http;
        Ws = new Uri($"ws://{http.Authority}/ws");
    }

    public Uri Http { get; }

    public Uri Ws { get; }

    public IServiceProvider Services => _app.Services;

    public GatewayMetrics Metrics => _app.Services.GetRequiredService<GatewayMetrics>();

    /// <summary>Starts on a free port.</summary>
    public static Task<GatewayTestHost> StartAsync(IScannerFeedBackend backend, params string[] settings) =>
        StartAsync(services => services.AddSingleton(backend), settings);

    /// <inheritdoc cref="StartAsync(IScannerFeedBackend, string[])"/>
    public static Task<GatewayTestHost> StartAsync(Action<IServiceCollection> services, params string[] settings) =>
        StartAtAsync(new Uri("http://127.0.0.1:0"), services, settings);

    /// <summary>Starts on <paramref name="url"/>: port 0 for a free one, or the address of a gateway being restarted.</summary>
    public static async Task<GatewayTestHost> StartAtAsync(Uri url, Action<IServiceCollection> services, params string[] settings)
    {
        string[] args = ["--urls", url.ToString(), "--Logging:LogLevel:Default", "Warning", .. settings.Select(s => "--" + s)];
        var app = GatewayApp.Build(args, builder =>
        {
            services(builder.Services);
            // Open sockets must not hold up a test's stop for the default 30 s.
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayTestHost(app, new Uri(address));
    }

    public HttpClient HttpClient() => new() { BaseAddress = Http };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
