using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// The event types read through <see cref="IEventFields"/> (quotes, trades, aggregates), each by its reader: the one
/// dispatch that the compact path (<see cref="CompactFrameReader"/>) and the general path (<see cref="FrameParser"/>)
/// share, so both read an event type with the same reader.
/// </summary>
internal static class FieldEventReader
{
    /// <summary>Whether <paramref name="type"/> is read here.</summary>
    public static bool Reads(WireEventType type) =>
        type is WireEventType.Trade or WireEventType.Quote or WireEventType.SecondAggregate or WireEventType.MinuteAggregate;

    /// <summary>Reads an event of <paramref name="type"/> (one that <see cref="Reads"/>) from its fields.</summary>
    public static EventReadOutcome Read<TFields>(ref TFields fields, WireEventType type, out MarketEvent? feedEvent)
        where TFields : IEventFields, allows ref struct
    {
        EventReadOutcome outcome;
        switch (type)
        {
            case WireEventType.Trade:
                outcome = TradeReader.Read(ref fields, out var trade);
                feedEvent = trade;
                break;
            case WireEventType.Quote:
                outcome = QuoteReader.Read(ref fields, out var quote);
                feedEvent = quote;
                break;
            case WireEventType.SecondAggregate or WireEventType.MinuteAggregate:
                outcome = AggregateReader.Read(ref fields, isMinute: type == WireEventType.MinuteAggregate, out var bar);
                feedEvent = bar;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "not an event type read from fields");
        }
        return outcome;
    }
}
