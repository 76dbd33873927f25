using System.Text.Json;
using Scanner.Scanners;

namespace Scanner.Ticker;

/// <summary>
/// The <c>daily_range:{SYM}</c> payload: {symbol, trading_day (yyyymmdd), pre_market_high, pre_market_low,
/// regular_high, regular_low, after_hours_high, after_hours_low, high, low, timestamp}; a session without bars
/// yet has null high and low.
/// </summary>
public static class DailyRangeJson
{
    public static byte[] ToObject(TickerSnapshot snapshot) => JsonPayload.Build(snapshot, static (w, s) =>
    {
        w.WriteStartObject();
        w.WriteString("symbol", s.Row.Symbol);
        w.WriteNumber("trading_day", s.Row.TradingDay);
        WriteRange(w, "pre_market", s.PreMarket);
        WriteRange(w, "regular", s.Regular);
        WriteRange(w, "after_hours", s.AfterHours);
        w.WriteNumber("high", s.Row.High);
        w.WriteNumber("low", s.Row.Low);
        w.WriteNumber("timestamp", s.LastUpdate);
        w.WriteEndObject();
    });

    private static void WriteRange(Utf8JsonWriter w, string session, SessionRange range)
    {
        if (range.IsEmpty)
        {
            w.WriteNull(session + "_high");
            w.WriteNull(session + "_low");
            return;
        }
        w.WriteNumber(session + "_high", range.High);
        w.WriteNumber(session + "_low", range.Low);
    }
}
