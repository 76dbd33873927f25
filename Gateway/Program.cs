using Scanner.Gateway.Hosting;

namespace Scanner.Gateway;

public static class Program
{
    public static async Task Main(string[] args) => await GatewayApp.Build(args).RunAsync();
}
