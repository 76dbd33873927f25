namespace Scanner.Tests.Integration.Benchmarks;

/// <summary>
/// CI's smoke of the benchmarks (<c>scripts/bench.sh</c>): each runs for a second or so against the real servers and
/// must end and emit its result record with the figures BENCHMARKS.md is written from; then the report is written from
/// those records. Never a timing: how fast is the benchmarks' business, not a test's. The pipeline's monitor is bash and
/// python in bench.sh and runs only there.
/// </summary>
public sealed class BenchmarkSmokeTests(BenchmarkSmokeRuns runs) : IClassFixture<BenchmarkSmokeRuns>
{
    [Theory]
    [InlineData("frameparser", "frameparser", "ops_per_s")]
    [InlineData("providers rabbitmq", "providers", "events_per_s")]
    [InlineData("providers nats", "providers", "events_per_s")]
    [InlineData("providers memory", "providers", "events_per_s")]
    [InlineData("listener", "listener", "events_per_s")]
    [InlineData("gateway", "gateway", "stalled_p99_ratio")]
    [InlineData("coldstart", "coldstart", "all_hydrated_after_first_event_s")]
    public async Task Benchmark_runs_and_emits_its_result_record(string run, string benchmark, string metric)
    {
        var result = await runs.Of(run);

        Assert.True(result.ExitCode >= 0, $"{run} did not end; its output:\n{result.Tail}");
        Assert.True(result.Records.Any(r => r.GetProperty("benchmark").GetString() == benchmark),
            $"{run} emitted no {benchmark} record (exit {result.ExitCode}); its output:\n{result.Tail}");
        var record = Assert.Single(result.Records, r => r.GetProperty("benchmark").GetString() == benchmark);
        Assert.True(record.GetProperty("metrics").TryGetProperty(metric, out _), $"{run}'s record lacks {metric}: {record}");
        Assert.Equal(System.Text.Json.JsonValueKind.Object, record.GetProperty("warmup").ValueKind);
    }

    [Fact]
    public async Task Report_is_written_from_the_records_with_its_plots()
    {
        var report = await runs.ReportAsync();

        Assert.True(report.ExitCode == 0, $"the report failed:\n{report.Tail}");
        var markdown = await File.ReadAllTextAsync(Path.Combine(runs.Folder, "BENCHMARKS.md"));
        Assert.Contains("| provider: ours, events/s vs NATS JetStream |", markdown);
        Assert.Contains("| rabbitmq |", markdown);
        foreach (var plot in new[] { "rate-vs-offered-load.svg", "latency-per-stage.svg", "memory-over-run.svg" })
        {
            Assert.True(File.Exists(Path.Combine(runs.Folder, "docs", "benchmarks", plot)), $"{plot} was not drawn");
        }
    }
}
