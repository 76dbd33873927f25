using System.Text.Json;
using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>Reads a limit-up/limit-down band (<c>LULD</c>): T h l i z t q, the time often in µs or ns.</summary>
internal static class LuldBandReader
{
    public static EventReadOutcome Read(ref Utf8JsonReader reader, SymbolTable symbols, out LuldBand? band)
    {
        band = null;
        string? symbol = null;
        ConditionCodes indicators = default;
        double upper = 0, lower = 0;
        var tape = 0;
        long time = 0, sequence = 0;
        while (FieldReader.NextProperty(ref reader, out var key))
        {
            var ok = key switch
            {
                PropertyKey.TickerT => FieldReader.TryReadSymbol(ref reader, symbols, out symbol),
                PropertyKey.H => FieldReader.TryReadDouble(ref reader, out upper),
                PropertyKey.L => FieldReader.TryReadDouble(ref reader, out lower),
                PropertyKey.I => FieldReader.TryReadCodes(ref reader, out indicators),
                PropertyKey.Z => FieldReader.TryReadInt32(ref reader, out tape),
                PropertyKey.T => FieldReader.TryReadInt64(ref reader, out time),
                PropertyKey.Q => FieldReader.TryReadInt64(ref reader, out sequence),
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
        band = new LuldBand(symbol, TimestampUnits.ToUnixMilliseconds(time), time, upper, lower, indicators, tape, sequence);
        return EventReadOutcome.Read;
    }
}
