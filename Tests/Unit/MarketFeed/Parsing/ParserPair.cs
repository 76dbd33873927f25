using Scanner.MarketData;
using Scanner.Silo.MarketFeed.Parsing;

namespace Scanner.Tests.Unit.MarketFeed.Parsing;

/// <summary>
/// The parser as the feed runs it (compact path first) beside the general reader alone, each with its own symbol
/// table, given the same frames: what one returns, appends, counts and interns, the other must too.
/// </summary>
internal sealed class ParserPair
{
    private readonly SymbolTable _compactSymbols;
    private readonly SymbolTable _generalSymbols;
    private readonly FrameParser _compactFirst;
    private readonly FrameParser _general;
    private readonly List<MarketEvent> _events = [];
    private readonly int _symbolCapacity;

    public ParserPair(int symbolCapacity = SymbolTable.DefaultCapacity)
    {
        _symbolCapacity = symbolCapacity;
        _compactSymbols = new SymbolTable(symbolCapacity);
        _generalSymbols = new SymbolTable(symbolCapacity);
        _compactFirst = new FrameParser(new ParseCounters(), _compactSymbols);
        _general = new FrameParser(new ParseCounters(), _generalSymbols, compactFirst: false);
    }

    /// <summary>Frames the compact path read whole (given a table as empty as the pair's started).</summary>
    public int TakenByCompactPath { get; private set; }

    /// <summary>How the two parsers differ on <paramref name="frame"/>, or null.</summary>
    public string? Compare(byte[] frame)
    {
        _events.Clear();
        if (CompactFrameReader.TryRead(frame, new SymbolTable(_symbolCapacity), _events))
        {
            TakenByCompactPath++;
        }
        var (compactResult, compactEvents, compactStatuses) = Parse(_compactFirst, frame);
        var (generalResult, generalEvents, generalStatuses) = Parse(_general, frame);
        if (compactResult != generalResult)
        {
            return $"result {compactResult}, the general reader's {generalResult}";
        }
        if (!compactEvents.SequenceEqual(generalEvents) || !compactStatuses.SequenceEqual(generalStatuses))
        {
            return $"events [{string.Join(", ", compactEvents)}], the general reader's [{string.Join(", ", generalEvents)}]";
        }
        if (_compactFirst.Counters.Snapshot() != _general.Counters.Snapshot())
        {
            return $"counters {_compactFirst.Counters.Snapshot()}, the general reader's {_general.Counters.Snapshot()}";
        }
        return (_compactSymbols.Count, _compactSymbols.Uncached) == (_generalSymbols.Count, _generalSymbols.Uncached)
            ? null
            : $"symbol table of {_compactSymbols.Count} ({_compactSymbols.Uncached} uncached), the general reader's "
                + $"{_generalSymbols.Count} ({_generalSymbols.Uncached} uncached)";
    }

    private static (FrameParseResult, List<MarketEvent>, List<MarketFeedStatus>) Parse(FrameParser parser, byte[] frame)
    {
        List<MarketEvent> events = [];
        List<MarketFeedStatus> statuses = [];
        return (parser.Parse(frame, events, statuses), events, statuses);
    }
}
