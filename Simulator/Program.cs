using Scanner.Simulator.Hosting;

namespace Scanner.Simulator;

/// <summary>
/// <c>dotnet run --project Simulator -- [--source replay|synthetic] [--port 4190] [--key KEY] [--data DIR] [--day 2013-10-07]
/// [--speed 1] [--start 09:25] [--tickers 5000] [--rate 20000] [--frame-size 50]</c>.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var options = SimulatorConfiguration.Load(args);
        await using var server = await SimulatorServer.StartAsync(options);
        Console.WriteLine($"Simulator ({server.Source.Name}) feed at {server.WebSocketUri}, REST at {server.RestBaseUri}");
        await server.WaitForShutdownAsync();
    }
}
