using Scanner.ScannerFeeds;
using Scanner.ServiceDefaults;
using Scanner.ServiceDefaults.Configuration;
using Scanner.Silo.MarketFeed;
using Scanner.Silo.Hosting;
using Scanner.Silo.Operations;

namespace Scanner.Silo;

public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(SiloHealthEndpoint.ServiceName);
        var host = builder.Configuration.GetSection(ScannerHostOptions.Section).Get<ScannerHostOptions>() ?? new();
        var infrastructure = builder.Configuration.GetSection(InfrastructureOptions.Section).Get<InfrastructureOptions>() ?? new();

        builder.Services.AddScannerHostOptions(builder.Configuration);
        builder.UseOrleans(silo => silo.ConfigureScannerSilo(host, infrastructure));
        builder.Services.AddScannerGrains(builder.Configuration);
        builder.Services.AddFeedPublishing();
        builder.Services.AddFeedListener(builder.Configuration);
        builder.Services.AddSiloHealthChecks(host, infrastructure);
        builder.Services.AddOperatorAccess(builder.Configuration);
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseServiceDefaults(metrics => metrics.ProtectMetricsIfConfigured(app.Configuration));
        app.UseAuthorization();
        app.MapSiloHealth();
        app.MapOperatorEndpoints();
        await app.RunAsync();
    }
}
