using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Scanner.Gateway.Backend;
using Scanner.Gateway.Health;
using Scanner.Gateway.Hosting;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>A real gateway on 127.0.0.1 with a random port and the given backend and settings.</summary>
internal sealed class TestGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestGateway(WebApplication app, Uri http)
    {
        _app = app;
        Http = http;
        Ws = new Uri($"ws://{http.Authority}/ws");
    }

    public Uri Http { get; }

    public Uri Ws { get; }

    public GatewayMetrics Metrics => _app.Services.GetRequiredService<GatewayMetrics>();

    public static async Task<TestGateway> StartAsync(IFeedBackend backend, params string[] settings) =>
        await StartAsync(services => services.AddSingleton(backend), settings);

    public static async Task<TestGateway> StartAsync(Action<IServiceCollection> services, params string[] settings)
    {
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning" };
        args.AddRange(settings.Select(s => "--" + s));
        var app = GatewayApp.Build([.. args], builder => services(builder.Services));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestGateway(app, new Uri(address));
    }

    public HttpClient HttpClient() => new() { BaseAddress = Http };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
