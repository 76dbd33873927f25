using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>Reads a trade (<c>T</c>): sym x i z p s c t q [trfi trft].</summary>
internal static class TradeReader
{
    public static EventReadOutcome Read<TFields>(ref TFields fields, out Trade? trade)
        where TFields : IEventFields, allows ref struct
    {
        trade = null;
        string? symbol = null;
        TradeId id = default;
        ConditionCodes conditions = default;
        int exchange = 0, tape = 0, trfId = 0;
        long time = 0, size = 0, sequence = 0, trfTime = 0;
        double price = 0;
        while (fields.NextProperty(out var key))
        {
            var ok = key switch
            {
                PropertyKey.Sym => fields.TryReadSymbol(out symbol),
                PropertyKey.X => fields.TryReadInt32(out exchange),
                PropertyKey.I => fields.TryReadTradeId(out id),
                PropertyKey.Z => fields.TryReadInt32(out tape),
                PropertyKey.P => fields.TryReadDouble(out price),
                PropertyKey.S => fields.TryReadInt64(out size),
                PropertyKey.C => fields.TryReadCodes(out conditions),
                PropertyKey.T => fields.TryReadInt64(out time),
                PropertyKey.Q => fields.TryReadInt64(out sequence),
                PropertyKey.Trfi => fields.TryReadInt32(out trfId),
                PropertyKey.Trft => fields.TryReadInt64(out trfTime),
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
        trade = new Trade(
            symbol, TimestampUnits.ToUnixMilliseconds(time), time, exchange, id, tape, price, size, conditions,
            sequence, trfId, TimestampUnits.ToUnixMilliseconds(trfTime));
        return EventReadOutcome.Read;
    }
}
