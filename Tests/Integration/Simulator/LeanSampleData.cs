using System.Globalization;
using System.IO.Compression;

namespace Scanner.Tests.Integration.Simulator;

/// <summary>Reads the shipped LEAN sample files directly, as the reference the simulator's output is checked against.</summary>
internal static class LeanSampleData
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "data", "lean");

    /// <summary>IBM-style tick rows: ms since New York midnight, price in $, size, suspicious.</summary>
    public static List<(long Ms, double Price, long Size, bool Suspicious)> Ticks(string symbol) =>
        Lines(Path.Combine(Root, "tick", $"{symbol}_20131007_trade.zip"))
            .Select(line => line.Split(','))
            .Select(f => (long.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[1], CultureInfo.InvariantCulture) / 10_000.0,
                long.Parse(f[2], CultureInfo.InvariantCulture), f[5].Trim() == "1"))
            .ToList();

    /// <summary>Quote rows: ms since New York midnight, bid and ask in $ (0 for a side the row leaves alone), suspicious.</summary>
    public static List<(long Ms, double Bid, double Ask, bool Suspicious)> Quotes(string symbol) =>
        Lines(Path.Combine(Root, "tick", $"{symbol}_20131007_quote.zip"))
            .Select(line => line.Split(','))
            .Select(f => (long.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[1], CultureInfo.InvariantCulture) / 10_000.0,
                long.Parse(f[3], CultureInfo.InvariantCulture) / 10_000.0, f[7].Trim() == "1"))
            .ToList();

    /// <summary>Daily rows: date, o, h, l, c in $, volume.</summary>
    public static List<(DateOnly Date, double O, double H, double L, double C, long V)> Daily(string symbol) =>
        Lines(Path.Combine(Root, "daily", $"{symbol}.zip"))
            .Select(line => line.Split(','))
            .Select(f => (DateOnly.ParseExact(f[0][..8], "yyyyMMdd", CultureInfo.InvariantCulture),
                long.Parse(f[1], CultureInfo.InvariantCulture) / 10_000.0, long.Parse(f[2], CultureInfo.InvariantCulture) / 10_000.0,
                long.Parse(f[3], CultureInfo.InvariantCulture) / 10_000.0, long.Parse(f[4], CultureInfo.InvariantCulture) / 10_000.0,
                long.Parse(f[5], CultureInfo.InvariantCulture)))
            .ToList();

    private static List<string> Lines(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.Entries.Single().Open());
        var lines = new List<string>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            lines.Add(line);
        }
        return lines;
    }
}
