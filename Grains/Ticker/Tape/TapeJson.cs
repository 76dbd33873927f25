using Scanner.Scanners;

namespace Scanner.Ticker.Tape;

/// <summary>
/// The <c>trades:{SYM}</c> payload (docs/contracts/client-protocol.md#the-traders-page-feeds-chart-and-trades):
/// {symbol, trades: [{t, p, s, x, c, side}]}, newest first; side is "buy", "sell", "mid" or null.
/// </summary>
public static class TapeJson
{
    public static byte[] ToObject(string symbol, TradeTape? tape) => JsonPayload.Build((symbol, tape), static (w, s) =>
    {
        w.WriteStartObject();
        w.WriteString("symbol"u8, s.symbol);
        w.WriteStartArray("trades"u8);
        foreach (var trade in s.tape?.NewestFirst() ?? [])
        {
            w.WriteStartObject();
            w.WriteNumber("t"u8, trade.Time);
            w.WriteNumber("p"u8, trade.Price);
            w.WriteNumber("s"u8, trade.Size);
            w.WriteNumber("x"u8, trade.Exchange);
            w.WriteStartArray("c"u8);
            for (var i = 0; i < trade.Conditions.Count; i++)
            {
                w.WriteNumberValue(trade.Conditions[i]);
            }
            w.WriteEndArray();
            switch (trade.Side)
            {
                case TradeSide.Buy: w.WriteString("side"u8, "buy"u8); break;
                case TradeSide.Sell: w.WriteString("side"u8, "sell"u8); break;
                case TradeSide.Mid: w.WriteString("side"u8, "mid"u8); break;
                default: w.WriteNull("side"u8); break;
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
