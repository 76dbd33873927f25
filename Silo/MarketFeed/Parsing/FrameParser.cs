using System.Text.Json;
using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// Turns one text frame of the Massive stocks WebSocket (a UTF-8 JSON array of events) into event records, building
/// no DOM. One instance per reading loop; not thread-safe.
/// </summary>
/// <remarks>
/// <para>A frame of quotes, trades and aggregates in the compact layout the feed sends is read by
/// <see cref="CompactFrameReader"/>, without tokenising it; any other frame, or one that path does not take whole, is
/// read (again) with <see cref="Utf8JsonReader"/>. Both make the same events of a frame, by the same event readers.</para>
/// <para>Lenient where the feed is: integers written as <c>12.0</c>, decimal volumes as strings (<c>dv</c>, <c>dav</c>),
/// <c>otc</c> only when true, timestamps in s, ms, µs or ns (normalised to Unix ms, the original kept in
/// <see cref="MarketEvent.RawTimestamp"/>), fields in any order, unknown fields (nested values too) passed over, a
/// <c>null</c> value read as an absent field, absent fields read as zero.</para>
/// <para>Strict where it matters, and never throwing: an element with a known field of the wrong type, without a
/// string <c>ev</c>, or that is not an object is skipped as malformed; an unknown <c>ev</c> and a missing symbol are
/// skipped and counted by their own reason; the other events of the frame are kept. A frame that is not a JSON array
/// is counted malformed and yields nothing. A frame that breaks off or turns to garbage is counted malformed, and the
/// events complete before the break are kept: each was whole and valid, and dropping them would lose data for
/// nothing (the broken event itself is not counted as an event of any kind).</para>
/// </remarks>
public sealed class FrameParser
{
    private readonly SymbolTable _symbols;
    private readonly bool _compactFirst;

    public FrameParser()
        : this(new ParseCounters(), new SymbolTable())
    {
    }

    /// <param name="counters">Kept by the caller across reconnects (a new parser per connection may share them).</param>
    /// <param name="symbols">The interned tickers; keep one table for the life of the feed.</param>
    public FrameParser(ParseCounters counters, SymbolTable symbols)
        : this(counters, symbols, compactFirst: true)
    {
    }

    /// <param name="compactFirst">
    /// False to read every frame with the general reader alone: the reference that the compact path
    /// (<see cref="CompactFrameReader"/>) is tested against.
    /// </param>
    internal FrameParser(ParseCounters counters, SymbolTable symbols, bool compactFirst)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(symbols);
        Counters = counters;
        _symbols = symbols;
        _compactFirst = compactFirst;
    }

    public ParseCounters Counters { get; }

    /// <summary>
    /// Parses one frame, appending its market data events to <paramref name="events"/> and its control messages to
    /// <paramref name="statuses"/> in frame order. Never throws on bad input.
    /// </summary>
    public FrameParseResult Parse(ReadOnlySpan<byte> frame, List<MarketEvent> events, List<MarketFeedStatus> statuses)
    {
        Counters.CountFrame();
        var eventsBefore = events.Count;
        if (_compactFirst && CompactFrameReader.TryRead(frame, _symbols, events))
        {
            for (var i = eventsBefore; i < events.Count; i++)
            {
                Counters.CountEvent(events[i].Kind);
            }
            return new FrameParseResult(FrameOutcome.Parsed, events.Count - eventsBefore, 0, 0);
        }
        // Not all compact quotes, trades and aggregates: read it again from the start, as any JSON.
        events.RemoveRange(eventsBefore, events.Count - eventsBefore);
        return ParseAnyJson(frame, events, statuses);
    }

    private FrameParseResult ParseAnyJson(ReadOnlySpan<byte> frame, List<MarketEvent> events, List<MarketFeedStatus> statuses)
    {
        int eventsBefore = events.Count, statusesBefore = statuses.Count, skipped = 0;
        var outcome = FrameOutcome.Parsed;
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read())
            {
                outcome = FrameOutcome.InvalidJson;
            }
            else if (reader.TokenType != JsonTokenType.StartArray)
            {
                outcome = FrameOutcome.NotAnArray;
            }
            else
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!ParseElement(ref reader, events, statuses))
                    {
                        skipped++;
                    }
                }
                reader.Read(); // anything after the array but whitespace throws
            }
        }
        catch (JsonException)
        {
            outcome = FrameOutcome.InvalidJson;
        }

        if (outcome != FrameOutcome.Parsed)
        {
            Counters.CountMalformedFrame();
        }
        return new FrameParseResult(outcome, events.Count - eventsBefore, statuses.Count - statusesBefore, skipped);
    }

    /// <summary>Reads one element of the frame's array, leaving the reader on its last token; false when skipped.</summary>
    private bool ParseElement(ref Utf8JsonReader reader, List<MarketEvent> events, List<MarketFeedStatus> statuses)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            Counters.CountMalformedEvent();
            return false;
        }

        var depth = reader.CurrentDepth;
        var start = reader; // a copy, to read the object again from its start should "ev" not come first
        if (WireEventTypes.ReadLeading(ref reader) is not { } type)
        {
            reader = start;
            type = WireEventTypes.Find(start);
        }
        if (type is WireEventType.Unknown or WireEventType.Invalid)
        {
            SkipRestOfObject(ref reader, depth);
            if (type == WireEventType.Unknown)
            {
                Counters.CountUnknownEventType();
            }
            else
            {
                Counters.CountMalformedEvent();
            }
            return false;
        }

        MarketEvent? feedEvent = null;
        MarketFeedStatus? status = null;
        var outcome = type switch
        {
            _ when FieldEventReader.Reads(type) => ReadWithFields(ref reader, type, out feedEvent),
            WireEventType.Luld => Assign(LuldBandReader.Read(ref reader, _symbols, out var band), band, out feedEvent),
            WireEventType.Imbalance => Assign(ImbalanceReader.Read(ref reader, _symbols, out var imbalance), imbalance, out feedEvent),
            WireEventType.FairMarketValue => Assign(FairMarketValueReader.Read(ref reader, _symbols, out var fmv), fmv, out feedEvent),
            _ => FeedStatusReader.Read(ref reader, out status),
        };

        switch (outcome)
        {
            case EventReadOutcome.Read when feedEvent is not null:
                events.Add(feedEvent);
                Counters.CountEvent(feedEvent.Kind);
                return true;
            case EventReadOutcome.Read when status is not null:
                statuses.Add(status);
                Counters.CountStatus();
                return true;
            case EventReadOutcome.MissingSymbol:
                Counters.CountMissingSymbol();
                return false;
            default:
                // Skip first: an object that breaks off while skipped makes the frame malformed, counted once as that.
                SkipRestOfObject(ref reader, depth);
                Counters.CountMalformedEvent();
                return false;
        }
    }

    /// <summary>The event types <see cref="CompactFrameReader"/> reads too, by the same dispatch (<see cref="FieldEventReader"/>).</summary>
    private EventReadOutcome ReadWithFields(ref Utf8JsonReader reader, WireEventType type, out MarketEvent? feedEvent)
    {
        var fields = new JsonEventFields(reader, _symbols);
        var outcome = FieldEventReader.Read(ref fields, type, out feedEvent);
        reader = fields.Reader;
        return outcome;
    }

    private static EventReadOutcome Assign<T>(EventReadOutcome outcome, T? read, out MarketEvent? feedEvent)
        where T : MarketEvent
    {
        feedEvent = read;
        return outcome;
    }

    /// <summary>Moves to the end of the event object at <paramref name="depth"/>, wherever inside it the reader stopped.</summary>
    private static void SkipRestOfObject(ref Utf8JsonReader reader, int depth)
    {
        while (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != depth)
        {
            reader.Read();
        }
    }
}
