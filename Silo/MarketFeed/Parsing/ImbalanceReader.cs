using System.Text.Json;
using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>Reads a net order imbalance (<c>NOI</c>): T t at a i x o p b, the time often in ns.</summary>
internal static class ImbalanceReader
{
    public static EventReadOutcome Read(ref Utf8JsonReader reader, SymbolTable symbols, out Imbalance? imbalance)
    {
        imbalance = null;
        string? symbol = null;
        int auctionTime = 0, exchange = 0;
        var auctionType = '\0';
        long time = 0, sequence = 0, imbalanceQuantity = 0, pairedQuantity = 0;
        double clearingPrice = 0;
        while (FieldReader.NextProperty(ref reader, out var key))
        {
            var ok = key switch
            {
                PropertyKey.TickerT => FieldReader.TryReadSymbol(ref reader, symbols, out symbol),
                PropertyKey.T => FieldReader.TryReadInt64(ref reader, out time),
                PropertyKey.At => FieldReader.TryReadInt32(ref reader, out auctionTime),
                PropertyKey.A => FieldReader.TryReadLetter(ref reader, out auctionType),
                PropertyKey.I => FieldReader.TryReadInt64(ref reader, out sequence),
                PropertyKey.X => FieldReader.TryReadInt32(ref reader, out exchange),
                PropertyKey.O => FieldReader.TryReadInt64(ref reader, out imbalanceQuantity),
                PropertyKey.P => FieldReader.TryReadInt64(ref reader, out pairedQuantity),
                PropertyKey.B => FieldReader.TryReadDouble(ref reader, out clearingPrice),
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
        imbalance = new Imbalance(
            symbol, TimestampUnits.ToUnixMilliseconds(time), time, auctionTime, auctionType, sequence, exchange,
            imbalanceQuantity, pairedQuantity, clearingPrice);
        return EventReadOutcome.Read;
    }
}
