using System.Globalization;

namespace Scanner.Benchmarks.ColdStart;

/// <summary>
/// One scrape of a process's Prometheus <c>/metrics</c>: sums over every series of a name (all label sets), and
/// quantiles of a histogram from its cumulative buckets (the upper bound of the bucket holding the quantile).
/// </summary>
internal sealed class SiloMetrics(IReadOnlyList<(string Name, string Labels, double Value)> samples)
{
    public static async Task<SiloMetrics> ScrapeAsync(HttpClient http, Uri metrics)
    {
        var text = await http.GetStringAsync(metrics);
        var samples = new List<(string, string, double)>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var space = line.LastIndexOf(' ');
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var name = brace >= 0 && brace < space ? line[..brace] : line[..space];
            var labels = brace >= 0 && brace < space ? line[brace..line.LastIndexOf('}')] : "";
            if (double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples.Add((name, labels, value));
            }
        }
        return new SiloMetrics(samples);
    }

    /// <summary>The sum of every series named <paramref name="name"/> (0 when there is none yet).</summary>
    public double Sum(string name) => samples.Where(s => s.Name == name).Sum(s => s.Value);

    /// <summary>The <paramref name="q"/> quantile of histogram <paramref name="name"/> (without the <c>_bucket</c> suffix), NaN when empty.</summary>
    public double Quantile(string name, double q)
    {
        var buckets = samples.Where(s => s.Name == name + "_bucket")
            .GroupBy(s => Bound(s.Labels))
            .Select(g => (Le: g.Key, Count: g.Sum(s => s.Value)))
            .OrderBy(b => b.Le)
            .ToList();
        var total = buckets.Count > 0 ? buckets[^1].Count : 0;
        return total == 0 ? double.NaN : buckets.First(b => b.Count >= q * total).Le;
    }

    private static double Bound(string labels)
    {
        var at = labels.IndexOf("le=\"", StringComparison.Ordinal) + 4;
        var value = labels[at..labels.IndexOf('"', at)];
        return value == "+Inf" ? double.PositiveInfinity : double.Parse(value, CultureInfo.InvariantCulture);
    }
}
