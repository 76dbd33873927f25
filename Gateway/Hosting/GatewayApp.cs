using Scanner.Gateway.Auth;
using Scanner.Gateway.Backend;
using Scanner.Gateway.Connections;
using Scanner.Gateway.FanOut;
using Scanner.Gateway.Health;
using Scanner.ServiceDefaults;

namespace Scanner.Gateway.Hosting;

/// <summary>
/// Builds the gateway. <paramref name="configureServices"/> runs before the defaults are added, so a test can
/// register its own <see cref="IScannerFeedBackend"/> (no Orleans client is then created) or replace any option.
/// </summary>
public static class GatewayApp
{
    public const string DefaultUrl = "http://127.0.0.1:4202";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(GatewayHealthEndpoint.ServiceName);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        var services = builder.Services;
        services.AddOptions<GatewayOptions>().Bind(builder.Configuration.GetSection(GatewayOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<ClientAuthenticator>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<SessionGenerations>();
        services.AddSingleton<LoginLockout>();
        LoginRateLimits.AddLoginRateLimits(services);
        services.AddSingleton<OriginPolicy>();
        services.AddSingleton<ScannerFeedHub>();
        services.AddSingleton<ClientRegistry>();
        configure?.Invoke(builder);
        if (!services.Any(d => d.ServiceType == typeof(IScannerFeedBackend)))
        {
            builder.AddOrleansFeedBackend();
        }
        services.AddHostedService<ScannerFeedHubService>();
        services.AddHostedService<DemoUserWarning>();
        services.AddGatewayHealthChecks();

        var app = builder.Build();
        var gateway = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value;
        app.UseServiceDefaults();
        BatchingUpgradeFeature.UseBatchingTransport(app);
        app.UseWebSockets(new WebSocketOptions
        {
            KeepAliveInterval = gateway.KeepAliveInterval,
            KeepAliveTimeout = gateway.KeepAliveTimeout,
        });
        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapClientSocket();
        app.MapAuth();
        app.MapHealth();
        return app;
    }
}
