using System.Diagnostics;
using System.Text.Json;
using Scanner.Tests.Support.Launcher;

namespace Scanner.Tests.Integration.Benchmarks;

/// <summary>
/// Every benchmark of Tests/Benchmarks run once for a second or so, all at once (the smoke's time is the longest run,
/// not their sum), each as the process <c>scripts/bench.sh</c> runs, writing its result records to a file of its own.
/// Started by the first test that asks; each test then reads the run it checks.
/// </summary>
public sealed class BenchmarkSmokeRuns : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly string _folder = Directory.CreateTempSubdirectory("scanner-bench-smoke.").FullName;
    private readonly Lazy<IReadOnlyDictionary<string, Task<Run>>> _runs;

    public BenchmarkSmokeRuns() => _runs = new(() => Arguments.ToDictionary(a => a.Key, a => RunAsync(a.Key, a.Value)));

    /// <summary>The smoke's arguments per benchmark: the smallest load that still goes through every part.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Arguments = new Dictionary<string, string[]>
    {
        ["frameparser"] = ["--filter", "*FrameParser*", "--job", "dry"],
        ["providers rabbitmq"] = ["streams", "--provider", "rabbitmq", "--seconds", "1", "--symbols", "20", "--window", "16"],
        ["providers nats"] = ["streams", "--provider", "nats", "--seconds", "1", "--symbols", "20", "--window", "16"],
        ["providers memory"] = ["streams", "--provider", "memory", "--seconds", "1", "--symbols", "20", "--window", "16"],
        ["listener"] = ["listener", "--seconds", "1", "--warmup", "1", "--tickers", "50", "--rate", "2000"],
        ["gateway"] = ["gateway", "--clients", "20", "--stalled", "2", "--symbols", "10", "--seconds", "1", "--warmup", "1"],
        ["coldstart"] = ["coldstart", "--tickers", "50", "--rate", "2000", "--limit", "15"],
    };

    public Task<Run> Of(string benchmark) => _runs.Value[benchmark];

    /// <summary>Runs the report over every record the runs wrote.</summary>
    public async Task<Run> ReportAsync()
    {
        var records = Path.Combine(_folder, "all.jsonl");
        foreach (var run in await Task.WhenAll(_runs.Value.Values))
        {
            await File.AppendAllLinesAsync(records, run.Records.Select(r => r.GetRawText()));
        }
        return await RunAsync("report", ["report", "--results", records, "--out", Path.Combine(_folder, "BENCHMARKS.md"), "--commit", "smoke"]);
    }

    public string Folder => _folder;

    private async Task<Run> RunAsync(string name, string[] arguments)
    {
        var results = Path.Combine(_folder, $"{name.Replace(' ', '-')}.jsonl");
        var dll = Path.Combine(BuildOutput.RepositoryRoot, "Tests", "Benchmarks", "bin", BuildOutput.CurrentConfiguration, "net10.0", "Scanner.Benchmarks.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
            Environment = { ["SCANNER_BENCH_RESULTS"] = results },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
        var records = File.Exists(results)
            ? File.ReadLines(results).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray()
            : [];
        return new Run(name, process.HasExited ? process.ExitCode : -1, records, await output + await error);
    }

    public ValueTask DisposeAsync()
    {
        if (_runs.IsValueCreated)
        {
            Task.WaitAll([.. _runs.Value.Values], Timeout);
        }
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>One run: its exit code (-1 if it timed out), the result records it wrote and what it printed.</summary>
    public sealed record Run(string Name, int ExitCode, JsonElement[] Records, string Output)
    {
        public string Tail => string.Join('\n', Output.Split('\n').TakeLast(30));
    }
}
