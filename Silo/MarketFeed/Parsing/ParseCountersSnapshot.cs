namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>The values of <see cref="ParseCounters"/> at one moment.</summary>
public sealed record ParseCountersSnapshot(
    long Frames,
    long Trades,
    long Quotes,
    long SecondAggregates,
    long MinuteAggregates,
    long LuldBands,
    long Imbalances,
    long FairMarketValues,
    long Statuses,
    long MalformedFrames,
    long MalformedEvents,
    long UnknownEventTypes,
    long MissingSymbols)
{
    /// <summary>Nothing parsed yet (before the first connection).</summary>
    public static ParseCountersSnapshot Empty() => new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Market data events parsed (statuses excluded).</summary>
    public long Events => Trades + Quotes + SecondAggregates + MinuteAggregates + LuldBands + Imbalances + FairMarketValues;

    /// <summary>Array elements dropped, whatever the reason.</summary>
    public long SkippedEvents => MalformedEvents + UnknownEventTypes + MissingSymbols;
}
