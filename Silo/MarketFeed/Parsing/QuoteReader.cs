using System.Text.Json;
using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>Reads an NBBO quote (<c>Q</c>): sym bx bp bs ax ap as c i t q z.</summary>
internal static class QuoteReader
{
    public static EventReadOutcome Read(ref Utf8JsonReader reader, SymbolTable symbols, out Quote? quote)
    {
        quote = null;
        string? symbol = null;
        ConditionCodes indicators = default;
        int bidExchange = 0, askExchange = 0, condition = 0, tape = 0;
        long bidSize = 0, askSize = 0, time = 0, sequence = 0;
        double bidPrice = 0, askPrice = 0;
        while (FieldReader.NextProperty(ref reader, out var key))
        {
            var ok = key switch
            {
                PropertyKey.Sym => FieldReader.TryReadSymbol(ref reader, symbols, out symbol),
                PropertyKey.Bx => FieldReader.TryReadInt32(ref reader, out bidExchange),
                PropertyKey.Bp => FieldReader.TryReadDouble(ref reader, out bidPrice),
                PropertyKey.Bs => FieldReader.TryReadInt64(ref reader, out bidSize),
                PropertyKey.Ax => FieldReader.TryReadInt32(ref reader, out askExchange),
                PropertyKey.Ap => FieldReader.TryReadDouble(ref reader, out askPrice),
                PropertyKey.As => FieldReader.TryReadInt64(ref reader, out askSize),
                PropertyKey.C => FieldReader.TryReadInt32(ref reader, out condition),
                PropertyKey.I => FieldReader.TryReadCodes(ref reader, out indicators),
                PropertyKey.T => FieldReader.TryReadInt64(ref reader, out time),
                PropertyKey.Q => FieldReader.TryReadInt64(ref reader, out sequence),
                PropertyKey.Z => FieldReader.TryReadInt32(ref reader, out tape),
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
        quote = new Quote(
            symbol, TimestampUnits.ToUnixMilliseconds(time), time, bidExchange, bidPrice, bidSize, askExchange, askPrice,
            askSize, condition, indicators, sequence, tape);
        return EventReadOutcome.Read;
    }
}
