using System.Text.Json;
using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>Reads a trade (<c>T</c>): sym x i z p s c t q [trfi trft].</summary>
internal static class TradeReader
{
    public static EventReadOutcome Read(ref Utf8JsonReader reader, SymbolTable symbols, out Trade? trade)
    {
        trade = null;
        string? symbol = null;
        TradeId id = default;
        ConditionCodes conditions = default;
        int exchange = 0, tape = 0, trfId = 0;
        long time = 0, size = 0, sequence = 0, trfTime = 0;
        double price = 0;
        while (FieldReader.NextProperty(ref reader, out var key))
        {
            var ok = key switch
            {
                PropertyKey.Sym => FieldReader.TryReadSymbol(ref reader, symbols, out symbol),
                PropertyKey.X => FieldReader.TryReadInt32(ref reader, out exchange),
                PropertyKey.I => FieldReader.TryReadTradeId(ref reader, out id),
                PropertyKey.Z => FieldReader.TryReadInt32(ref reader, out tape),
                PropertyKey.P => FieldReader.TryReadDouble(ref reader, out price),
                PropertyKey.S => FieldReader.TryReadInt64(ref reader, out size),
                PropertyKey.C => FieldReader.TryReadCodes(ref reader, out conditions),
                PropertyKey.T => FieldReader.TryReadInt64(ref reader, out time),
                PropertyKey.Q => FieldReader.TryReadInt64(ref reader, out sequence),
                PropertyKey.Trfi => FieldReader.TryReadInt32(ref reader, out trfId),
                PropertyKey.Trft => FieldReader.TryReadInt64(ref reader, out trfTime),
                _ => FieldReader.Skip(ref reader),
            };
            if (!ok)
            {
                return EventReadOutcome.Malformed;
            }
        }
        if (symbol is null)
        {
            return EventReadOutcome.MissingSymbol;
        }
        trade = new Trade(
            symbol, TimestampUnits.ToUnixMilliseconds(time), time, exchange, id, tape, price, size, conditions,
            sequence, trfId, TimestampUnits.ToUnixMilliseconds(trfTime));
        return EventReadOutcome.Read;
    }
}
