using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// The fast path of <see cref="FrameParser"/>: a frame of quotes, trades and aggregates in the feed's compact layout
/// (<see cref="CompactEventFields"/>), read with the same event readers as the general path. All or nothing: at the
/// first thing it does not take (another event type, a malformed or missing field, whitespace, an escape...) it
/// returns false and the caller removes what it appended and reads the frame again with the general reader. Its one
/// side effect, tickers added to the symbol table, is one the general reader makes too.
/// </summary>
internal static class CompactFrameReader
{
    public static bool TryRead(ReadOnlySpan<byte> frame, SymbolTable symbols, List<MarketEvent> events)
    {
        var fields = new CompactEventFields(frame, symbols);
        if (!fields.TryTake((byte)'['))
        {
            return false;
        }
        do
        {
            if (!fields.TryStartEvent(out var type) || !FieldEventReader.Reads(type) // rarer event types and status messages
                || FieldEventReader.Read(ref fields, type, out var feedEvent) != EventReadOutcome.Read || fields.Failed)
            {
                return false;
            }
            events.Add(feedEvent!);
        }
        while (fields.TryTake((byte)','));
        return fields.TryTake((byte)']') && fields.AtEnd;
    }
}
