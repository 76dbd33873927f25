using System.Runtime.InteropServices;
using Scanner.Calendar;
using Scanner.MarketData;

namespace Scanner.Ticker.Chart;

/// <summary>
/// Builds the day's one-minute candles (04:00 to 20:00 New York, at most <see cref="MaxCandles"/>) from its trades, in
/// any order: a trade lands in the minute of its own timestamp, the open is the earliest counted trade of the minute
/// and the close the latest (of equal times, the one applied first opens and the one applied last closes), so a late
/// or out-of-order trade changes exactly what it would have changed in time. Duplicates must be filtered before.
/// Candles are kept sparse and ascending: only minutes that had a counted trade.
/// </summary>
public static class CandleBuilder
{
    public const int MaxCandles = 960;

    /// <summary>Applies one trade; false when it counts for no candle (outside 04:00-20:00, empty, or by its conditions).</summary>
    public static bool Apply(List<MinuteCandle> candles, in TradingDayBounds bounds, Trade trade)
    {
        var (time, price, size) = (trade.Timestamp, trade.Price, trade.Size);
        if (time < bounds.Start || time >= bounds.AfterHoursEnd || price <= 0 || size <= 0)
        {
            return false;
        }
        var forPrice = CandleConditions.CountsForPrice(trade.Conditions);
        var forVolume = CandleConditions.CountsForVolume(trade.Conditions);
        if (!forPrice && !forVolume)
        {
            return false;
        }
        var offset = time - bounds.Start;
        ref var candle = ref CandleOf(candles, (short)(offset / 60_000));
        if (forPrice)
        {
            var within = (ushort)(offset % 60_000);
            if (candle.Open == 0 || within < candle.OpenOffset)
            {
                candle.Open = price;
                candle.OpenOffset = within;
            }
            if (candle.Close == 0 || within >= candle.CloseOffset)
            {
                candle.Close = price;
                candle.CloseOffset = within;
            }
            candle.High = Math.Max(candle.High, price);
            candle.Low = candle.Low == 0 ? price : Math.Min(candle.Low, price);
        }
        if (forVolume)
        {
            candle.Volume += size;
            candle.PriceVolume += price * size;
        }
        return true;
    }

    /// <summary>The candle of <paramref name="minute"/>, inserted in order when missing (usually at the end).</summary>
    private static ref MinuteCandle CandleOf(List<MinuteCandle> candles, short minute)
    {
        var index = candles.Count;
        if (index == 0 || candles[index - 1].Minute < minute)
        {
            candles.Add(new MinuteCandle { Minute = minute });
        }
        else if ((index = BinarySearch(candles, minute)) < 0)
        {
            index = ~index;
            candles.Insert(index, new MinuteCandle { Minute = minute });
        }
        return ref CollectionsMarshal.AsSpan(candles)[index];
    }

    private static int BinarySearch(List<MinuteCandle> candles, short minute)
    {
        var (low, high) = (0, candles.Count - 1);
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var found = candles[middle].Minute;
            if (found == minute)
            {
                return middle;
            }
            if (found < minute)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return ~low;
    }
}
