using Scanner.Simulator.Hosting;

namespace Scanner.Simulator;

/// <summary>
/// <c>dotnet run --project Simulator -- [--source replay|synthetic] [--port 4190] [--key KEY] [--data DIR] [--day 2013-10-07]
/// [--speed 1] [--start 09:25] [--tickers 5000] [--rate 20000] [--frame-size 50]</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        SimulatorServer server;
        try
        {
            server = await SimulatorServer.StartAsync(SimulatorConfiguration.Load(args));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or FormatException)
        {
            // Bad options or data: say what is wrong, without a stack trace.
            await Console.Error.WriteLineAsync($"Simulator cannot start: {e.Message}");
            return 2;
        }
        await using (server)
        {
            Console.WriteLine($"Simulator ({server.Source.Name}) feed at {server.WebSocketUri}, REST at {server.RestBaseUri}");
            await server.WaitForShutdownAsync();
        }
        return 0;
    }
}
