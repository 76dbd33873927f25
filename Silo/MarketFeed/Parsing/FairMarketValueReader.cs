using System.Text.Json;
using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>Reads a fair market value (<c>FMV</c>): sym fmv t.</summary>
internal static class FairMarketValueReader
{
    public static EventReadOutcome Read(ref Utf8JsonReader reader, SymbolTable symbols, out FairMarketValue? value)
    {
        value = null;
        string? symbol = null;
        double fmv = 0;
        long time = 0;
        while (FieldReader.NextProperty(ref reader, out var key))
        {
            var ok = key switch
            {
                PropertyKey.Sym => FieldReader.TryReadSymbol(ref reader, symbols, out symbol),
                PropertyKey.Fmv => FieldReader.TryReadDouble(ref reader, out fmv),
                PropertyKey.T => FieldReader.TryReadInt64(ref reader, out time),
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
        value = new FairMarketValue(symbol, TimestampUnits.ToUnixMilliseconds(time), time, fmv);
        return EventReadOutcome.Read;
    }
}
