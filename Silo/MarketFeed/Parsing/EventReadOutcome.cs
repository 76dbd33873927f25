namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>How an event reader left one event object.</summary>
internal enum EventReadOutcome : byte
{
    /// <summary>Read to its end; the record is built.</summary>
    Read,
    /// <summary>A known field has a value of the wrong type; the reader stopped inside the object.</summary>
    Malformed,
    /// <summary>Read to its end, but without a symbol (<c>sym</c>, or <c>T</c> for LULD and NOI).</summary>
    MissingSymbol,
}
