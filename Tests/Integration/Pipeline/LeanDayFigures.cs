using System.Globalization;
using System.IO.Compression;

namespace Scanner.Tests.Integration.Pipeline;

/// <summary>
/// A symbol's day computed straight from the raw LEAN files, independently of the simulator's code, to check what
/// the whole pipeline produced: trades are <c>ms,price,size,exchange,condition,suspicious</c> (price in 1/10000 $,
/// suspicious ones left out), daily bars <c>yyyyMMdd 00:00,o,h,l,c,v</c>.
/// </summary>
public sealed record LeanDayFigures(
    string Symbol,
    long Volume,
    double High,
    double Low,
    double Last,
    double Vwap,
    double PreviousClose,
    double AverageVolume)
{
    public double Change => Last - PreviousClose;

    public double RelativeVolume => AverageVolume == 0 ? 0 : Volume / AverageVolume;

    public static LeanDayFigures Compute(string leanRoot, string symbol, DateOnly day)
    {
        long volume = 0;
        double notional = 0, high = double.MinValue, low = double.MaxValue, last = 0;
        foreach (var fields in ReadCsv(Path.Combine(leanRoot, "tick", $"{symbol.ToLowerInvariant()}_{day:yyyyMMdd}_trade.zip")))
        {
            if (fields[5].Trim() == "1")
            {
                continue;
            }
            var price = long.Parse(fields[1], CultureInfo.InvariantCulture) / 10_000.0;
            var size = long.Parse(fields[2], CultureInfo.InvariantCulture);
            volume += size;
            notional += price * size;
            high = Math.Max(high, price);
            low = Math.Min(low, price);
            last = price;
        }

        var before = ReadCsv(Path.Combine(leanRoot, "daily", $"{symbol.ToLowerInvariant()}.zip"))
            .Select(f => (Day: DateOnly.ParseExact(f[0][..8], "yyyyMMdd", CultureInfo.InvariantCulture),
                Close: long.Parse(f[4], CultureInfo.InvariantCulture) / 10_000.0,
                Volume: long.Parse(f[5], CultureInfo.InvariantCulture)))
            .Where(b => b.Day < day)
            .OrderBy(b => b.Day)
            .ToList();
        // The file holds one bar per session, so its last 30 before the day are the 30 trading sessions averaged.
        var window = before.TakeLast(30).ToList();
        return new LeanDayFigures(
            symbol, volume, high, low, last, notional / volume, before[^1].Close,
            window.Count == 0 ? 0 : window.Average(b => (double)b.Volume));
    }

    private static IEnumerable<string[]> ReadCsv(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var reader = new StreamReader(zip.Entries[0].Open());
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line.Split(',');
            }
        }
    }
}
