using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>Reads an NBBO quote (<c>Q</c>): sym bx bp bs ax ap as c i t q z.</summary>
internal static class QuoteReader
{
    public static EventReadOutcome Read<TFields>(ref TFields fields, out Quote? quote)
        where TFields : IEventFields, allows ref struct
    {
        quote = null;
        string? symbol = null;
        ConditionCodes indicators = default;
        int bidExchange = 0, askExchange = 0, condition = 0, tape = 0;
        long bidSize = 0, askSize = 0, time = 0, sequence = 0;
        double bidPrice = 0, askPrice = 0;
        while (fields.NextProperty(out var key))
        {
            var ok = key switch
            {
                PropertyKey.Sym => fields.TryReadSymbol(out symbol),
                PropertyKey.Bx => fields.TryReadInt32(out bidExchange),
                PropertyKey.Bp => fields.TryReadDouble(out bidPrice),
                PropertyKey.Bs => fields.TryReadInt64(out bidSize),
                PropertyKey.Ax => fields.TryReadInt32(out askExchange),
                PropertyKey.Ap => fields.TryReadDouble(out askPrice),
                PropertyKey.As => fields.TryReadInt64(out askSize),
                PropertyKey.C => fields.TryReadInt32(out condition),
                PropertyKey.I => fields.TryReadCodes(out indicators),
                PropertyKey.T => fields.TryReadInt64(out time),
                PropertyKey.Q => fields.TryReadInt64(out sequence),
                PropertyKey.Z => fields.TryReadInt32(out tape),
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
        quote = new Quote(
            symbol, TimestampUnits.ToUnixMilliseconds(time), time, bidExchange, bidPrice, bidSize, askExchange, askPrice,
            askSize, condition, indicators, sequence, tape);
        return EventReadOutcome.Read;
    }
}
