using System.Text.Json;
using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// Reads a second (<c>A</c>) or minute (<c>AM</c>) aggregate: sym v av op vw o h l c a z s e [otc] [dv dav].
/// The event's timestamp is the window start <c>s</c> (the bar's key); <c>s</c> and <c>e</c> are kept in Unix ms.
/// </summary>
internal static class AggregateReader
{
    public static EventReadOutcome Read(ref Utf8JsonReader reader, SymbolTable symbols, bool isMinute, out Aggregate? aggregate)
    {
        aggregate = null;
        string? symbol = null;
        long volume = 0, accumulatedVolume = 0, start = 0, end = 0;
        double vwap = 0, open = 0, high = 0, low = 0, close = 0, dayVwap = 0, averageSize = 0;
        double? officialOpen = null, preciseVolume = null, preciseAccumulatedVolume = null;
        var isOtc = false;
        while (FieldReader.NextProperty(ref reader, out var key))
        {
            var ok = key switch
            {
                PropertyKey.Sym => FieldReader.TryReadSymbol(ref reader, symbols, out symbol),
                PropertyKey.V => FieldReader.TryReadInt64(ref reader, out volume),
                PropertyKey.Av => FieldReader.TryReadInt64(ref reader, out accumulatedVolume),
                PropertyKey.Op => FieldReader.TryReadOptionalDouble(ref reader, out officialOpen),
                PropertyKey.Vw => FieldReader.TryReadDouble(ref reader, out vwap),
                PropertyKey.O => FieldReader.TryReadDouble(ref reader, out open),
                PropertyKey.H => FieldReader.TryReadDouble(ref reader, out high),
                PropertyKey.L => FieldReader.TryReadDouble(ref reader, out low),
                PropertyKey.C => FieldReader.TryReadDouble(ref reader, out close),
                PropertyKey.A => FieldReader.TryReadDouble(ref reader, out dayVwap),
                PropertyKey.Z => FieldReader.TryReadDouble(ref reader, out averageSize),
                PropertyKey.S => FieldReader.TryReadInt64(ref reader, out start),
                PropertyKey.E => FieldReader.TryReadInt64(ref reader, out end),
                PropertyKey.Otc => FieldReader.TryReadFlag(ref reader, out isOtc),
                PropertyKey.Dv => FieldReader.TryReadDecimalText(ref reader, out preciseVolume),
                PropertyKey.Dav => FieldReader.TryReadDecimalText(ref reader, out preciseAccumulatedVolume),
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
        var startMs = TimestampUnits.ToUnixMilliseconds(start);
        aggregate = new Aggregate(
            symbol, startMs, start, isMinute, volume, accumulatedVolume, officialOpen, vwap, open, high, low, close,
            dayVwap, averageSize, startMs, TimestampUnits.ToUnixMilliseconds(end), isOtc, preciseVolume,
            preciseAccumulatedVolume);
        return EventReadOutcome.Read;
    }
}
