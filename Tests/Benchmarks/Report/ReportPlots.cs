using ScottPlot;

namespace Scanner.Benchmarks.Report;

/// <summary>The report's plots (ScottPlot, as SVG): sustained rate against offered load, latency per stage, memory over a run.</summary>
internal static class ReportPlots
{
    private const int Width = 900;
    private const int Height = 480;

    /// <summary>Events/s received against events/s offered, one line per benchmark that was run at several loads.</summary>
    public static bool RateAgainstOfferedLoad(Figures figures, string path)
    {
        var plot = new Plot();
        var drawn = false;
        var highest = 0.0;
        foreach (var (benchmark, metric) in new[] { ("listener", "events_per_s"), ("pipeline", "published_per_s"), ("providers", "events_per_s") })
        {
            var points = Figures.Cases(figures.Results.Where(r => r.Benchmark == benchmark))
                .Select(c => (Offered: figures.Of(benchmark, c.Key, "offered_per_s")?.Median ?? 0, Rate: figures.Of(benchmark, c.Key, metric)))
                .Where(p => p.Offered > 0 && p.Rate is not null).OrderBy(p => p.Offered).ToArray();
            if (points.Length == 0) continue;
            var line = plot.Add.Scatter(points.Select(p => p.Offered).ToArray(), points.Select(p => p.Rate!.Median).ToArray());
            line.LegendText = $"{benchmark} (median of runs)";
            line.MarkerSize = 8;
            foreach (var p in points)
            {
                plot.Add.Line(p.Offered, p.Rate!.Min, p.Offered, p.Rate.Max).Color = line.Color;
            }
            highest = Math.Max(highest, points.Max(p => Math.Max(p.Offered, p.Rate!.Max)));
            drawn = true;
        }
        if (!drawn) return false;
        var ideal = plot.Add.Line(0, 0, highest, highest);
        ideal.LinePattern = LinePattern.Dashed;
        ideal.LegendText = "sustained = offered";
        return Save(plot, "Sustained rate against offered load", "offered events/s", "sustained events/s (bar: min-max of runs)", path);
    }

    /// <summary>p50 and p99 of each stage's latency (medians of the runs), side by side.</summary>
    public static bool LatencyPerStage(Figures figures, string path)
    {
        (string Label, string Benchmark, string? Case, string P50, string P99)[] stages =
        [
            ("provider ours: publish to grain", "providers", "rabbitmq", "p50_ms", "p99_ms"),
            ("provider NATS: publish to grain", "providers", "nats", "p50_ms", "p99_ms"),
            ("provider memory: publish to grain", "providers", "memory", "p50_ms", "p99_ms"),
            ("listener: simulator to grain", "listener", null, "p50_ms", "p99_ms"),
            ("pipeline: listener publish", "pipeline", null, "publish_p50_ms", "publish_p99_ms"),
            ("page: event to ranking", "rankings", null, "event_to_ranking_p50_ms", "event_to_ranking_p99_ms"),
            ("gateway: publish to client", "gateway", null, "p50_ms", "p99_ms"),
        ];
        var measured = stages.Select(s => (s.Label, P50: Median(figures, s.Benchmark, s.Case, s.P50), P99: Median(figures, s.Benchmark, s.Case, s.P99)))
            .Where(s => s.P50 is not null && s.P99 is not null).ToArray();
        if (measured.Length == 0) return false;
        var plot = new Plot();
        var p50 = measured.Select((s, i) => new Bar { Position = i * 3, Value = s.P50!.Value, FillColor = Colors.SteelBlue }).ToArray();
        var p99 = measured.Select((s, i) => new Bar { Position = i * 3 + 1, Value = s.P99!.Value, FillColor = Colors.OrangeRed }).ToArray();
        plot.Add.Bars(p50).LegendText = "p50";
        plot.Add.Bars(p99).LegendText = "p99";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            measured.Select((_, i) => i * 3 + 0.5).ToArray(), measured.Select(s => s.Label.Replace(": ", ":\n")).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0);
        return Save(plot, "Latency per stage (median of runs)", "", "ms", path, Width + 300, Height + 60);
    }

    /// <summary>Resident memory over the first run of each benchmark that sampled it (warm-up included).</summary>
    public static bool MemoryOverRun(Figures figures, string path)
    {
        var plot = new Plot();
        var drawn = false;
        foreach (var run in figures.Results.Where(r => r.Series.ContainsKey("rss_mb")).DistinctBy(r => (r.Benchmark, r.Case)))
        {
            var samples = run.Series["rss_mb"];
            var line = plot.Add.Scatter(samples.Select(s => s[0]).ToArray(), samples.Select(s => s[1]).ToArray());
            line.LegendText = $"{run.Benchmark} {run.Case}";
            line.MarkerSize = 0;
            drawn = true;
        }
        if (!drawn) return false;
        return Save(plot, "Resident memory over a run (first run of each; warm-up included)", "seconds since start", "MB", path);
    }

    private static bool Save(Plot plot, string title, string x, string y, string path, int width = Width, int height = Height)
    {
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SaveSvg(path, width, height);
        return true;
    }

    private static double? Median(Figures figures, string benchmark, string? caseName, string metric) =>
        (caseName is null ? Figures.Cases(figures.Results.Where(r => r.Benchmark == benchmark)).Select(c => c.Key).LastOrDefault() : caseName) is { } chosen
            ? figures.Of(benchmark, chosen, metric)?.Median
            : null;
}
