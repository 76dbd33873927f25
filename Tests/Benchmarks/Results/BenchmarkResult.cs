using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scanner.Benchmarks.Results;

/// <summary>
/// One run's machine-readable result: what ran (<see cref="Benchmark"/>, and <see cref="Case"/> within it), the
/// measured figures, the warm-up's own figures (reported apart, never dropped) and time series for the plots
/// (<c>[seconds since start, value]</c>). Written as one JSON line by <see cref="Emit"/>; <c>report</c> reads them
/// back (<see cref="Report.BenchmarkReport"/>), and so does nothing else: the format is documented in
/// Tests/Benchmarks/README.md.
/// </summary>
public sealed record BenchmarkResult(string Benchmark, string Case)
{
    /// <summary>The file that <see cref="Emit"/> appends to; unset, the line goes to standard output.</summary>
    public const string FileVariable = "SCANNER_BENCH_RESULTS";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public Dictionary<string, double> Metrics { get; init; } = [];

    public Dictionary<string, double> Warmup { get; init; } = [];

    public Dictionary<string, List<double[]>> Series { get; init; } = [];

    /// <summary>Appends this result as one JSON line to <see cref="FileVariable"/>'s file, or prints it.</summary>
    public void Emit()
    {
        var line = JsonSerializer.Serialize(this, Json);
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } path)
        {
            File.AppendAllLines(path, [line]);
        }
        Console.WriteLine($"RESULT-JSON {line}");
    }

    public static IEnumerable<BenchmarkResult> Read(string path) =>
        File.ReadLines(path).Where(l => l.TrimStart().StartsWith('{'))
            .Select(l => JsonSerializer.Deserialize<BenchmarkResult>(l, Json)
                ?? throw new InvalidDataException($"{path}: an empty result line"));
}
