using System.Globalization;
using System.IO.Compression;
using Scanner.Calendar;

namespace Scanner.Tests.Integration.Pipeline;

/// <summary>
/// A symbol's one-minute candles computed straight from the raw LEAN trades (not through the simulator), for the
/// <c>chart:{SYM}</c> check: every trade that is not suspicious and has a size, in the minute of its time,
/// 04:00-20:00 New York. Trades are <c>ms since midnight New York,price in 1/10000 $,size,exchange,condition,suspicious</c>.
/// </summary>
public sealed record LeanMinuteBar(long Start, double Open, double High, double Low, double Close, long Volume, double Notional)
{
    public static List<LeanMinuteBar> Compute(string leanRoot, string symbol, DateOnly day)
    {
        var bounds = TradingCalendar.BoundsOf(day);
        var bars = new List<LeanMinuteBar>();
        using var zip = ZipFile.OpenRead(Path.Combine(leanRoot, "tick", $"{symbol.ToLowerInvariant()}_{day:yyyyMMdd}_trade.zip"));
        using var reader = new StreamReader(zip.Entries[0].Open());
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var fields = line.Split(',');
            var time = TradingCalendar.At(day, long.Parse(fields[0], CultureInfo.InvariantCulture));
            var price = long.Parse(fields[1], CultureInfo.InvariantCulture) / 10_000.0;
            var size = long.Parse(fields[2], CultureInfo.InvariantCulture);
            if (fields.Length > 5 && fields[5].Trim() == "1" || size <= 0 || time < bounds.Start || time >= bounds.AfterHoursEnd)
            {
                continue;
            }
            var start = time - ((time - bounds.Start) % 60_000);
            if (bars.Count > 0 && bars[^1].Start == start)
            {
                var bar = bars[^1];
                bars[^1] = bar with
                {
                    High = Math.Max(bar.High, price), Low = Math.Min(bar.Low, price), Close = price,
                    Volume = bar.Volume + size, Notional = bar.Notional + (price * size),
                };
            }
            else
            {
                bars.Add(new LeanMinuteBar(start, price, price, price, price, size, price * size));
            }
        }
        return bars;
    }
}
