using BenchmarkDotNet.Running;
using Scanner.Benchmarks.Streaming;

namespace Scanner.Benchmarks;

/// <summary>
/// <c>streams ...</c> runs the end-to-end stream load run (see <see cref="StreamLoadRun"/>); anything else goes to
/// BenchmarkDotNet's switcher.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["streams", .. var rest]) return await StreamLoadRun.RunAsync(rest);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
