using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// The fields of one event object, as the quote, trade and aggregate readers take them: <see cref="JsonEventFields"/>
/// reads any JSON, <see cref="CompactEventFields"/> only the feed's compact layout, much faster. A <c>TryRead</c>
/// returns false for a value it does not take: the event is then malformed (general reader), or the frame goes to
/// the general reader (compact).
/// </summary>
internal interface IEventFields
{
    /// <summary>Moves onto the value of the next property that is not <c>null</c>; false at the end of the object.</summary>
    bool NextProperty(out ulong key);

    /// <summary>Passes over the value of a field we do not use.</summary>
    bool Skip();

    bool TryReadInt64(out long value);

    bool TryReadInt32(out int value);

    bool TryReadDouble(out double value);

    bool TryReadOptionalDouble(out double? value);

    bool TryReadDecimalText(out double? value);

    bool TryReadFlag(out bool value);

    bool TryReadCodes(out ConditionCodes codes);

    bool TryReadTradeId(out TradeId id);

    /// <summary>An interned ticker; an empty one reads as null.</summary>
    bool TryReadSymbol(out string? symbol);
}
