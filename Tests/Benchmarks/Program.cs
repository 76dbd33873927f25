using BenchmarkDotNet.Running;
using Scanner.Benchmarks.ColdStart;
using Scanner.Benchmarks.Gateway;
using Scanner.Benchmarks.Pipeline;
using Scanner.Benchmarks.Report;
using Scanner.Benchmarks.Streaming;

namespace Scanner.Benchmarks;

/// <summary>
/// Load runs are verbs: <c>streams ...</c> (<see cref="StreamLoadRun"/>), <c>listener ...</c> (<see cref="ListenerLoadRun"/>),
/// <c>gateway ...</c> (<see cref="GatewayLoadRun"/>), <c>coldstart ...</c> (<see cref="ColdStartRun"/>), <c>rankings ...</c> (<see cref="RankingsLoadRun"/>); <c>report ...</c>
/// writes BENCHMARKS.md from their result records (<see cref="BenchmarkReport"/>); anything else goes to BenchmarkDotNet's switcher.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["streams", .. var rest]:
                return await StreamLoadRun.RunAsync(rest);
            case ["listener", .. var rest]:
                return await ListenerLoadRun.RunAsync(rest);
            case ["gateway", .. var rest]:
                return await GatewayLoadRun.RunAsync(rest);
            case ["rankings", .. var rest]:
                return await RankingsLoadRun.RunAsync(rest);
            case ["coldstart", .. var rest]:
                return await ColdStartRun.RunAsync(rest);
            case ["report", .. var rest]:
                return await BenchmarkReport.RunAsync(rest);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
