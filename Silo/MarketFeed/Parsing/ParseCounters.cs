using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// What a <see cref="FrameParser"/> has seen. Written by the one parsing thread with plain increments (no interlocked
/// cost on the hot path); read from any thread (a metrics callback) through the properties or
/// <see cref="Snapshot"/>, which read each 64-bit value atomically but not all of them at one instant.
/// </summary>
public sealed class ParseCounters
{
    private static readonly int KindCount = Enum.GetValues<MarketEventKind>().Length;

    private readonly long[] _events = new long[KindCount];
    private long _frames;
    private long _statuses;
    private long _malformedFrames;
    private long _malformedEvents;
    private long _unknownEventTypes;
    private long _missingSymbols;

    public long Frames => Volatile.Read(ref _frames);
    public long Statuses => Volatile.Read(ref _statuses);
    public long MalformedFrames => Volatile.Read(ref _malformedFrames);
    public long MalformedEvents => Volatile.Read(ref _malformedEvents);
    public long UnknownEventTypes => Volatile.Read(ref _unknownEventTypes);
    public long MissingSymbols => Volatile.Read(ref _missingSymbols);

    public long EventsOf(MarketEventKind kind) => Volatile.Read(ref _events[(int)kind]);

    public ParseCountersSnapshot Snapshot() => new(
        Frames,
        EventsOf(MarketEventKind.Trade),
        EventsOf(MarketEventKind.Quote),
        EventsOf(MarketEventKind.SecondAggregate),
        EventsOf(MarketEventKind.MinuteAggregate),
        EventsOf(MarketEventKind.Luld),
        EventsOf(MarketEventKind.Imbalance),
        EventsOf(MarketEventKind.FairMarketValue),
        Statuses,
        MalformedFrames,
        MalformedEvents,
        UnknownEventTypes,
        MissingSymbols);

    internal void CountFrame() => _frames++;
    internal void CountEvent(MarketEventKind kind) => _events[(int)kind]++;
    internal void CountStatus() => _statuses++;
    internal void CountMalformedFrame() => _malformedFrames++;
    internal void CountMalformedEvent() => _malformedEvents++;
    internal void CountUnknownEventType() => _unknownEventTypes++;
    internal void CountMissingSymbol() => _missingSymbols++;
}
