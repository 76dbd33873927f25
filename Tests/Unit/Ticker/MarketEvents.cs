using Scanner.MarketData;
using Scanner.Calendar;
using Scanner.Ticker;

namespace Scanner.Tests.Unit.Ticker;

/// <summary>Builds feed events at New York wall-clock times of a given day.</summary>
internal static class MarketEvents
{
    public static readonly DateOnly Monday = new(2013, 10, 7);

    public static long At(DateOnly day, int hour, int minute, int second = 0) =>
        TradingCalendar.At(day, new TimeOnly(hour, minute, second));

    /// <summary>A bar covering [start, start + length) with the given prices and volumes.</summary>
    public static Aggregate Bar(
        string symbol, long start, double close, long accumulatedVolume, long volume = 100,
        double? open = null, double? high = null, double? low = null, double? officialOpen = null,
        double dayVwap = 0, double vwap = 0, bool minute = false, double averageSize = 50)
    {
        var end = start + (minute ? 60_000 : 1_000);
        var o = open ?? close;
        return new Aggregate(
            symbol, start, start, minute, volume, accumulatedVolume, officialOpen, vwap == 0 ? close : vwap,
            o, high ?? Math.Max(o, close), low ?? Math.Min(o, close), close, dayVwap == 0 ? close : dayVwap,
            averageSize, start, end, false, null, null);
    }

    public static Trade Trade(string symbol, long time, double price, long size = 100, long sequence = 0, int tape = 3, ConditionCodes conditions = default) =>
        new(symbol, time, time, 4, new TradeId(1, null), tape, price, size, conditions, sequence, 0, 0);

    public static Quote Quote(string symbol, long time, double bid, double ask) =>
        new(symbol, time, time, 1, bid, 10, 2, ask, 20, 0, ConditionCodes.Empty, 1, 3);

    public static LuldBand Luld(string symbol, long time, long sequence, double upper, double lower, params int[] indicators) =>
        new(symbol, time, time * 1000, upper, lower, ConditionCodes.Of(indicators), 3, sequence);

    public static ReferenceData Reference(DateOnly day, double prevClose = 10, double avgVolume = 1_000_000, double freeFloat = 0) =>
        new(TradingCalendar.ToNumber(day), prevClose - 0.5, prevClose + 1, prevClose - 1, prevClose, 900_000, prevClose - 0.2, avgVolume, freeFloat);
}
