using Scanner.MarketData;
using Scanner.Calendar;

namespace Scanner.Tests.Integration.Grains;

/// <summary>Feed events at New York wall-clock times of the test trading day (Monday 2013-10-07).</summary>
internal static class SyntheticEvents
{
    public static readonly DateOnly Monday = new(2013, 10, 7);

    public static long At(int hour, int minute, int second = 0, DateOnly? day = null) =>
        TradingCalendar.At(day ?? Monday, new TimeOnly(hour, minute, second));

    public static Aggregate Bar(string symbol, long start, double close, long accumulatedVolume, double? officialOpen = null,
        long volume = 100, double? high = null, double? low = null) =>
        new(symbol, start, start, false, volume, accumulatedVolume, officialOpen, close, close,
            high ?? close, low ?? close, close, close, 50, start, start + 1000, false, null, null);

    public static Trade Trade(string symbol, long time, double price, long sequence) =>
        new(symbol, time, time, 4, new TradeId((ulong)sequence, null), 3, price, 100, ConditionCodes.Empty, sequence, 0, 0);

    public static LuldBand Luld(string symbol, long time, long sequence, params int[] indicators) =>
        new(symbol, time, time, 6, 4, ConditionCodes.Of(indicators), 3, sequence);
}
