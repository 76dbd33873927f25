using Scanner.Feeds;
using Scanner.Silo.Feed;
using Scanner.Silo.Hosting;
using Scanner.Silo.Operations;

namespace Scanner.Silo;

public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddInMemoryCollection(
            LegacyEnvironmentAliases.Map(Environment.GetEnvironmentVariables(), builder.Configuration));
        var host = builder.Configuration.GetSection(ScannerHostOptions.Section).Get<ScannerHostOptions>() ?? new();

        builder.UseOrleans(silo => silo.ConfigureScannerSilo(host));
        builder.Services.AddScannerGrains(builder.Configuration);
        builder.Services.AddFeedPublishing();
        builder.Services.AddFeedListener(builder.Configuration);
        builder.Services.AddOperatorAccess(builder.Configuration);
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthorization();
        app.MapSiloHealth();
        app.MapOperatorEndpoints();
        await app.RunAsync();
    }
}
