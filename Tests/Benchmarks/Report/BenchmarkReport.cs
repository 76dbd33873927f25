using System.Globalization;
using System.Text;
using Scanner.Benchmarks.Results;

namespace Scanner.Benchmarks.Report;

/// <summary>
/// Writes BENCHMARKS.md from the result records of a <c>scripts/bench.sh all</c> run: the machine, date, commit and
/// profile; each target with the median of the runs, their spread and the ratio to the target; the providers side by
/// side; the plots (<see cref="ReportPlots"/>); the findings written by hand in <c>{plots}/findings.md</c>, if there
/// are any; how to run it again; and every figure of every benchmark with its warm-up apart.
/// <code>report --results results.jsonl --out BENCHMARKS.md --plots docs/benchmarks [--commit SHA] [--profile TEXT] [--note TEXT]</code>
/// </summary>
internal static class BenchmarkReport
{
    public static Task<int> RunAsync(string[] args)
    {
        var resultsPath = LoadRunArguments.Text(args, "--results") ?? throw new ArgumentException("Give the result records with --results FILE.");
        var output = Path.GetFullPath(LoadRunArguments.Text(args, "--out") ?? "BENCHMARKS.md");
        var plots = Path.GetFullPath(LoadRunArguments.Text(args, "--plots") ?? Path.Combine(Path.GetDirectoryName(output)!, "docs", "benchmarks"));
        var figures = new Figures([.. BenchmarkResult.Read(resultsPath)]);
        Directory.CreateDirectory(plots);

        var md = new StringBuilder();
        md.AppendLine("# Benchmarks").AppendLine();
        md.AppendLine($"Written by `scripts/bench.sh all` (Tests/Benchmarks, `report`) on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC from commit " +
            $"`{LoadRunArguments.Text(args, "--commit") ?? "unknown"}`.").AppendLine();
        md.AppendLine($"- **Machine:** {MachineDescription.Describe()}.");
        md.AppendLine($"- **Profile:** {LoadRunArguments.Text(args, "--profile") ?? "default"}.");
        if (LoadRunArguments.Text(args, "--note") is { } note) md.AppendLine($"- **Note:** {note}");
        md.AppendLine("- Every figure is the median of the runs, each run a process started cold; the spread (min–max of the runs) follows in brackets. " +
            "Warm-up is measured and reported apart (\"Warm-up\" tables), never folded into the figures.").AppendLine();

        WriteTargets(md, figures);
        WriteProviders(md, figures);
        md.AppendLine("## Plots").AppendLine();
        foreach (var (file, title, draw) in new (string, string, Func<Figures, string, bool>)[]
        {
            ("rate-vs-offered-load.svg", "Sustained rate against offered load", ReportPlots.RateAgainstOfferedLoad),
            ("latency-per-stage.svg", "Latency percentiles per stage", ReportPlots.LatencyPerStage),
            ("memory-over-run.svg", "Memory over a run", ReportPlots.MemoryOverRun),
        })
        {
            var path = Path.Combine(plots, file);
            md.AppendLine(draw(figures, path)
                ? $"![{title}]({Path.GetRelativePath(Path.GetDirectoryName(output)!, path).Replace('\\', '/')})"
                : $"{title}: no run measured it.").AppendLine();
        }
        if (File.Exists(Path.Combine(plots, "findings.md")))
        {
            md.AppendLine(File.ReadAllText(Path.Combine(plots, "findings.md")).TrimEnd()).AppendLine();
        }
        md.AppendLine(Reproduce).AppendLine();
        WriteAllFigures(md, figures);
        File.WriteAllText(output, md.ToString());
        Console.WriteLine($"report: {figures.Results.Count} result records -> {output}, plots in {plots}");
        return Task.FromResult(0);
    }

    private const string Reproduce = """
        ## Running it again

        `scripts/bench.sh all` on a quiet machine (it installs and starts Redis, RabbitMQ and nats-server itself, on
        free loopback ports in temporary folders). `RUNS` (3) runs of every case, each a process started cold;
        `PROFILE=short` cuts every duration for a busy machine; `SECS`, `WARMUP`, `LISTENER_RATES`, `PIPELINE_RATES`,
        `TICKERS` and `CASES` set the rest (header of `scripts/bench.sh`). The default profile (30 s measured per run,
        listener at 50,000-300,000 events/s, pipeline at 50,000 and 100,000 events/s with a 60 s warm-up) takes about
        45 minutes; the short one about 25 on a quiet machine. The result records stay in
        `docs/benchmarks/results.jsonl`; `SCANNER_BENCH_RESULTS=docs/benchmarks/results.jsonl CASES=listener
        scripts/bench.sh all` adds runs to them and writes the report again.
        """;

    private static void WriteTargets(StringBuilder md, Figures figures)
    {
        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("| figure | target | measured: median (min–max) | runs | ratio to target | met |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var target in Target.All)
        {
            var caseName = target.Case ?? BestCase(figures, target);
            var measured = caseName is null ? null : figures.Of(target.Benchmark, caseName, target.Metric);
            var goal = target.ReferenceCase is { } reference ? figures.Of(target.Benchmark, reference, target.Metric)?.Median ?? double.NaN : target.Value;
            var goalText = (target.AtLeast ? "≥ " : "≤ ") + (target.ReferenceCase is { } r ? (double.IsNaN(goal) ? r : $"{r} ({Figures.Summary.Format(goal)})") : Figures.Summary.Format(goal));
            if (measured is null || double.IsNaN(goal))
            {
                md.AppendLine($"| {target.Figure} | {goalText} | not measured | 0 | – | – |");
                continue;
            }
            var ratio = goal == 0 ? "–" : (measured.Median / goal).ToString("0.00", CultureInfo.InvariantCulture);
            var where = target.Case is null && caseName is { } c ? $" ({c})" : "";
            md.AppendLine($"| {target.Figure}{where} | {goalText} | {measured} | {measured.Runs} | {ratio} | {(target.Met(measured.Median, goal) ? "yes" : "**no**")} |");
        }
        md.AppendLine();
    }

    /// <summary>The case a target without one is judged on: the best median of its metric.</summary>
    private static string? BestCase(Figures figures, Target target)
    {
        var cases = Figures.Cases(figures.Results.Where(r => r.Benchmark == target.Benchmark))
            .Select(c => (c.Key, Summary: figures.Of(target.Benchmark, c.Key, target.Metric))).Where(c => c.Summary is not null).ToArray();
        if (cases.Length == 0) return null;
        return (target.AtLeast ? cases.MaxBy(c => c.Summary!.Median) : cases.MinBy(c => c.Summary!.Median)).Key;
    }

    private static void WriteProviders(StringBuilder md, Figures figures)
    {
        var memory = figures.Of("providers", "memory", "events_per_s")?.Median;
        md.AppendLine("## Stream providers side by side").AppendLine();
        md.AppendLine("Same workload, machine and run (`bench.sh providers`): producers in a one-silo cluster push batches of trades into counting grains " +
            "through the provider; CPU is this process's plus the broker's, per million events received.").AppendLine();
        md.AppendLine("| provider | events/s sustained | p50 ms | p99 ms | CPU s per million events (broker's) | events/s ratio to memory streams |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var provider in Streaming.ProviderUnderTest.All)
        {
            var rate = figures.Of("providers", provider, "events_per_s");
            if (rate is null) continue;
            string F(string metric) => figures.Of("providers", provider, metric)?.ToString() ?? "–";
            var ratio = memory is > 0 ? (rate.Median / memory.Value).ToString("0.00", CultureInfo.InvariantCulture) : "–";
            md.AppendLine($"| {provider} | {rate} | {F("p50_ms")} | {F("p99_ms")} | {F("cpu_s_per_million")} ({F("broker_cpu_s_per_million")}) | {ratio} |");
        }
        md.AppendLine();
    }

    private static void WriteAllFigures(StringBuilder md, Figures figures)
    {
        md.AppendLine("## Every figure").AppendLine();
        foreach (var benchmark in figures.Benchmarks())
        {
            md.AppendLine($"### {benchmark.Key}").AppendLine();
            foreach (var (title, select) in new (string, Func<BenchmarkResult, Dictionary<string, double>>)[] { ("", r => r.Metrics), ("Warm-up: ", r => r.Warmup) })
            {
                var metrics = benchmark.SelectMany(r => select(r).Keys).Distinct().ToArray();
                if (metrics.Length == 0) continue;
                md.AppendLine($"| {title}case | runs | {string.Join(" | ", metrics)} |");
                md.AppendLine($"|---|---|{string.Concat(metrics.Select(_ => "---|"))}");
                foreach (var runs in Figures.Cases(benchmark))
                {
                    var cells = metrics.Select(m => Figures.Summary.Of(runs.Select(r => select(r).GetValueOrDefault(m, double.NaN)))?.ToString() ?? "–");
                    md.AppendLine($"| {runs.Key} | {runs.Count()} | {string.Join(" | ", cells)} |");
                }
                md.AppendLine();
            }
        }
    }
}
