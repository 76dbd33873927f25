using Scanner.Benchmarks.Results;

namespace Scanner.Benchmarks.Report;

/// <summary>
/// The runs of one results file grouped by benchmark and case: per metric the median of the runs and their spread
/// (each run started cold, so the spread is between cold starts).
/// </summary>
internal sealed class Figures(IReadOnlyList<BenchmarkResult> results)
{
    public IReadOnlyList<BenchmarkResult> Results => results;

    public IEnumerable<IGrouping<string, BenchmarkResult>> Benchmarks() => results.GroupBy(r => r.Benchmark);

    public static IEnumerable<IGrouping<string, BenchmarkResult>> Cases(IEnumerable<BenchmarkResult> runs) => runs.GroupBy(r => r.Case);

    public IEnumerable<BenchmarkResult> Runs(string benchmark, string caseName) =>
        results.Where(r => r.Benchmark == benchmark && r.Case == caseName);

    public Summary? Of(string benchmark, string caseName, string metric) =>
        Summary.Of(Runs(benchmark, caseName).Select(r => r.Metrics.GetValueOrDefault(metric, double.NaN)));

    /// <summary>The median, minimum and maximum of some runs' values (those that ran; NaN where none did).</summary>
    public sealed record Summary(double Median, double Min, double Max, int Runs)
    {
        public static Summary? Of(IEnumerable<double> values)
        {
            var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
            if (sorted.Length == 0) return null;
            var middle = sorted.Length / 2;
            var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
            return new(median, sorted[0], sorted[^1], sorted.Length);
        }

        public override string ToString() => Runs == 1 ? Format(Median) : $"{Format(Median)} ({Format(Min)}–{Format(Max)})";

        public static string Format(double value) => Math.Abs(value) switch
        {
            >= 1000 => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            >= 10 => value.ToString("F1", System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
