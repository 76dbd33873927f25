namespace Scanner.Simulator;

public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok(new { service = "scanner-simulator", status = "starting" }));
        await app.RunAsync();
    }
}
