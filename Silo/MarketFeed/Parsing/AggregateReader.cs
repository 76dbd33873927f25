using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// Reads a second (<c>A</c>) or minute (<c>AM</c>) aggregate: sym v av op vw o h l c a z s e [otc] [dv dav].
/// The event's timestamp is the window start <c>s</c> (the bar's key); <c>s</c> and <c>e</c> are kept in Unix ms.
/// </summary>
internal static class AggregateReader
{
    public static EventReadOutcome Read<TFields>(ref TFields fields, bool isMinute, out Aggregate? aggregate)
        where TFields : IEventFields, allows ref struct
    {
        aggregate = null;
        string? symbol = null;
        long volume = 0, accumulatedVolume = 0, start = 0, end = 0;
        double vwap = 0, open = 0, high = 0, low = 0, close = 0, dayVwap = 0, averageSize = 0;
        double? officialOpen = null, preciseVolume = null, preciseAccumulatedVolume = null;
        var isOtc = false;
        while (fields.NextProperty(out var key))
        {
            var ok = key switch
            {
                PropertyKey.Sym => fields.TryReadSymbol(out symbol),
                PropertyKey.V => fields.TryReadInt64(out volume),
                PropertyKey.Av => fields.TryReadInt64(out accumulatedVolume),
                PropertyKey.Op => fields.TryReadOptionalDouble(out officialOpen),
                PropertyKey.Vw => fields.TryReadDouble(out vwap),
                PropertyKey.O => fields.TryReadDouble(out open),
                PropertyKey.H => fields.TryReadDouble(out high),
                PropertyKey.L => fields.TryReadDouble(out low),
                PropertyKey.C => fields.TryReadDouble(out close),
                PropertyKey.A => fields.TryReadDouble(out dayVwap),
                PropertyKey.Z => fields.TryReadDouble(out averageSize),
                PropertyKey.S => fields.TryReadInt64(out start),
                PropertyKey.E => fields.TryReadInt64(out end),
                PropertyKey.Otc => fields.TryReadFlag(out isOtc),
                PropertyKey.Dv => fields.TryReadDecimalText(out preciseVolume),
                PropertyKey.Dav => fields.TryReadDecimalText(out preciseAccumulatedVolume),
                _ => fields.Skip(),
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
