namespace Scanner.MarketData;

/// <summary>
/// One event of the Massive stocks feed, for one symbol.
/// <paramref name="Timestamp"/> is normalised to Unix milliseconds (UTC); <paramref name="RawTimestamp"/>
/// keeps the value as received, since LULD and NOI events carry micro- or nanoseconds.
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.md.event")]
public abstract record MarketEvent(string Symbol, long Timestamp, long RawTimestamp)
{
    /// <summary>The kind of event, which also decides its stream namespace.</summary>
    public abstract MarketEventKind Kind { get; }
}
