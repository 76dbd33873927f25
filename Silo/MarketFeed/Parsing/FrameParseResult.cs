namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// What <see cref="FrameParser.Parse"/> did with one frame: <paramref name="Events"/> and <paramref name="Statuses"/>
/// were appended to the caller's lists, <paramref name="SkippedEvents"/> elements of the array were dropped
/// (malformed, unknown type or missing symbol; <see cref="ParseCounters"/> says which).
/// </summary>
public readonly record struct FrameParseResult(FrameOutcome Outcome, int Events, int Statuses, int SkippedEvents)
{
    public bool IsMalformedFrame => Outcome != FrameOutcome.Parsed;
}
