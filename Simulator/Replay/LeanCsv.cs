using System.Globalization;
using System.IO.Compression;
using Scanner.Simulator.Reference;
using Scanner.Simulator.Time;
using Scanner.Calendar;

namespace Scanner.Simulator.Replay;

/// <summary>Reads the header-less CSVs inside LEAN zips in place (no extraction): trade and quote ticks, daily bars.</summary>
public static class LeanCsv
{
    private delegate bool RowParser<T>(ReadOnlySpan<char> line, DateOnly day, out T row);

    /// <summary>Streams the trades of a tick zip (<c>ms, price, size, exchange, condition, suspicious</c>) in file order.</summary>
    public static IEnumerable<LeanTick> ReadTicks(string zipPath, DateOnly day) => ReadRows<LeanTick>(zipPath, day, TryParseTick);

    /// <summary>
    /// Streams the rows of a quote tick zip (<c>ms, bid price, bid size, ask price, ask size, exchange, condition,
    /// suspicious</c>) in file order.
    /// </summary>
    public static IEnumerable<LeanQuote> ReadQuotes(string zipPath, DateOnly day) => ReadRows<LeanQuote>(zipPath, day, TryParseQuote);

    private static IEnumerable<T> ReadRows<T>(string zipPath, DateOnly day, RowParser<T> parse)
    {
        using var archive = ZipFile.OpenRead(zipPath);
        foreach (var line in ReadLines(archive))
        {
            if (parse(line, day, out var row))
            {
                yield return row;
            }
        }
    }

    public static bool TryParseTick(ReadOnlySpan<char> line, DateOnly day, out LeanTick tick)
    {
        tick = default;
        Span<Range> fields = stackalloc Range[7];
        var count = line.Split(fields, ',');
        if (count < 4
            || !long.TryParse(line[fields[0]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            || !long.TryParse(line[fields[1]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var price)
            || !long.TryParse(line[fields[2]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var size))
        {
            return false;
        }
        var exchange = line[fields[3]].Trim();
        var suspicious = count >= 6 && line[fields[5]].Trim() is "1";
        tick = new LeanTick(TradingCalendar.At(day, ms), price, size, exchange.IsEmpty ? ' ' : exchange[0], suspicious);
        return true;
    }

    public static bool TryParseQuote(ReadOnlySpan<char> line, DateOnly day, out LeanQuote quote)
    {
        quote = default;
        Span<Range> fields = stackalloc Range[9];
        var count = line.Split(fields, ',');
        if (count < 6
            || !long.TryParse(line[fields[0]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            || !long.TryParse(line[fields[1]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var bid)
            || !long.TryParse(line[fields[2]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var bidSize)
            || !long.TryParse(line[fields[3]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ask)
            || !long.TryParse(line[fields[4]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var askSize))
        {
            return false;
        }
        var exchange = line[fields[5]].Trim();
        var suspicious = count >= 8 && line[fields[7]].Trim() is "1";
        quote = new LeanQuote(TradingCalendar.At(day, ms), bid, bidSize, ask, askSize, exchange.IsEmpty ? ' ' : exchange[0], suspicious);
        return true;
    }

    /// <summary>Reads a daily zip (<c>yyyyMMdd 00:00, open, high, low, close, volume</c>) into bars in date order.</summary>
    public static List<ReferenceBar> ReadDailyBars(string zipPath)
    {
        using var archive = ZipFile.OpenRead(zipPath);
        var bars = new List<ReferenceBar>();
        foreach (var line in ReadLines(archive))
        {
            if (TryParseDailyBar(line, out var bar))
            {
                bars.Add(bar);
            }
        }
        bars.Sort((a, b) => a.Date.CompareTo(b.Date));
        return bars;
    }

    public static bool TryParseDailyBar(ReadOnlySpan<char> line, out ReferenceBar bar)
    {
        bar = null!;
        Span<Range> fields = stackalloc Range[7];
        if (line.Split(fields, ',') < 6)
        {
            return false;
        }
        var dateText = line[fields[0]].Trim();
        var space = dateText.IndexOf(' ');
        if (space > 0)
        {
            dateText = dateText[..space];
        }
        if (!DateOnly.TryParseExact(dateText, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !long.TryParse(line[fields[1]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var open)
            || !long.TryParse(line[fields[2]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var high)
            || !long.TryParse(line[fields[3]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var low)
            || !long.TryParse(line[fields[4]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var close)
            || !long.TryParse(line[fields[5]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var volume))
        {
            return false;
        }
        double h = high / 10_000.0, l = low / 10_000.0, c = close / 10_000.0;
        bar = new ReferenceBar(date, open / 10_000.0, h, l, c, volume, ReferenceBar.TypicalPrice(h, l, c));
        return true;
    }

    private static IEnumerable<string> ReadLines(ZipArchive archive)
    {
        foreach (var entry in archive.Entries)
        {
            if (!entry.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            using var reader = new StreamReader(entry.Open());
            while (reader.ReadLine() is { } line)
            {
                yield return line;
            }
        }
    }
}
