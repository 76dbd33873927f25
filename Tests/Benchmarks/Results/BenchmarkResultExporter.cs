using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace Scanner.Benchmarks.Results;

/// <summary>
/// Writes each BenchmarkDotNet benchmark of a run as a <see cref="BenchmarkResult"/> line: benchmark = its class
/// without "Benchmarks" in lower case (<c>frameparser</c>), case = its method; per operation (an event, where the
/// method parses many: <c>OperationsPerInvoke</c>) the median time, the rate it makes and the bytes allocated; the
/// warm-up iterations' mean apart.
/// </summary>
internal sealed class BenchmarkResultExporter : IExporter
{
    public static readonly BenchmarkResultExporter Instance = new();

    public string Name => nameof(BenchmarkResultExporter);

    public void ExportToLog(Summary summary, ILogger logger)
    {
        foreach (var report in summary.Reports.Where(r => r.ResultStatistics is not null))
        {
            var descriptor = report.BenchmarkCase.Descriptor;
            var median = report.ResultStatistics!.Median;
            var warmup = report.AllMeasurements
                .Where(m => m.IterationMode == IterationMode.Workload && m.IterationStage == IterationStage.Warmup)
                .Select(m => m.Nanoseconds / m.Operations).DefaultIfEmpty(double.NaN).Average();
            new BenchmarkResult(descriptor.Type.Name.Replace("Benchmarks", "", StringComparison.Ordinal).ToLowerInvariant(), descriptor.WorkloadMethod.Name)
            {
                Metrics =
                {
                    ["ns_per_op"] = median,
                    ["ops_per_s"] = 1e9 / median,
                    ["bytes_per_op"] = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? double.NaN,
                },
                Warmup = { ["ns_per_op"] = warmup },
            }.Emit();
        }
    }

    public IEnumerable<string> ExportToFiles(Summary summary, ILogger consoleLogger)
    {
        ExportToLog(summary, consoleLogger);
        return [];
    }
}
