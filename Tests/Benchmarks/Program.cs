using BenchmarkDotNet.Running;
using Scanner.Benchmarks.Gateway;

namespace Scanner.Benchmarks;

internal static class Program
{
    /// <summary>Load runs are verbs (<c>gateway</c>); anything else goes to BenchmarkDotNet's switcher.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is ["gateway", .. var rest])
        {
            return await GatewayLoadRun.RunAsync(rest);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
