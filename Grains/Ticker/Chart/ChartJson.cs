using System.Text.Json;
using Scanner.Calendar;
using Scanner.Scanners;

namespace Scanner.Ticker.Chart;

/// <summary>
/// The <c>chart:{SYM}</c> payload (docs/contracts/client-protocol.md#the-traders-page-feeds-chart-and-trades):
/// {symbol, trading_day, prev_close, pre_market_high, pre_market_low, high, low, bars: [{t,o,h,l,c,v,vw}],
/// halts: [{start,end,reason}]}, any figure not known yet null. The session extremes and the cumulative VWAP are
/// derived from the candles here, so they always agree with the bars.
/// </summary>
public static class ChartJson
{
    public static byte[] ToObject(TickerDayState day, TradingDayBounds bounds) => JsonPayload.Build((day, bounds), static (w, s) =>
    {
        var (day, bounds) = s;
        w.WriteStartObject();
        w.WriteString("symbol"u8, day.Symbol);
        w.WriteNumber("trading_day"u8, day.Day);
        WritePrice(w, "prev_close"u8, day.Reference?.PrevClose ?? 0);
        WriteRange(w, "pre_market_high"u8, "pre_market_low"u8, day.Candles, bounds.Start, bounds.RegularOpen, bounds);
        WriteRange(w, "high"u8, "low"u8, day.Candles, bounds.RegularOpen, bounds.RegularClose, bounds);
        w.WriteStartArray("bars"u8);
        long volume = 0;
        double priceVolume = 0;
        foreach (var candle in day.Candles)
        {
            volume += candle.Volume;
            priceVolume += candle.PriceVolume;
            w.WriteStartObject();
            w.WriteNumber("t"u8, StartOf(candle, bounds));
            WritePrice(w, "o"u8, candle.Open);
            WritePrice(w, "h"u8, candle.High);
            WritePrice(w, "l"u8, candle.Low);
            WritePrice(w, "c"u8, candle.Close);
            w.WriteNumber("v"u8, candle.Volume);
            WritePrice(w, "vw"u8, volume > 0 ? Math.Round(priceVolume / volume, 4) : 0);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("halts"u8);
        foreach (var halt in day.Halts)
        {
            w.WriteStartObject();
            w.WriteNumber("start"u8, halt.Start);
            if (halt.End == 0)
            {
                w.WriteNull("end"u8);
            }
            else
            {
                w.WriteNumber("end"u8, halt.End);
            }
            w.WriteString("reason"u8, "LULD pause"u8);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static long StartOf(MinuteCandle candle, TradingDayBounds bounds) => bounds.Start + candle.Minute * 60_000L;

    /// <summary>The extremes of the priced candles starting in [from, to).</summary>
    private static void WriteRange(Utf8JsonWriter w, ReadOnlySpan<byte> highName, ReadOnlySpan<byte> lowName,
        List<MinuteCandle> candles, long from, long to, TradingDayBounds bounds)
    {
        double high = 0, low = 0;
        foreach (var candle in candles)
        {
            var start = StartOf(candle, bounds);
            if (start >= from && start < to && candle.High > 0)
            {
                high = Math.Max(high, candle.High);
                low = low == 0 ? candle.Low : Math.Min(low, candle.Low);
            }
        }
        WritePrice(w, highName, high);
        WritePrice(w, lowName, low);
    }

    /// <summary>A price, or null while it is unknown (0).</summary>
    private static void WritePrice(Utf8JsonWriter w, ReadOnlySpan<byte> name, double price)
    {
        if (price > 0)
        {
            w.WriteNumber(name, price);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
