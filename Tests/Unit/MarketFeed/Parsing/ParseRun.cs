using System.Text;
using Scanner.MarketData;
using Scanner.Silo.MarketFeed.Parsing;

namespace Scanner.Tests.Unit.MarketFeed.Parsing;

/// <summary>One frame through a fresh parser: what it returned, appended and counted.</summary>
internal sealed record ParseRun(FrameParseResult Result, List<MarketEvent> Events, List<MarketFeedStatus> Statuses, ParseCountersSnapshot Counters)
{
    public static ParseRun Of(string frame) => Of(Encoding.UTF8.GetBytes(frame));

    public static ParseRun Of(byte[] frame)
    {
        var parser = new FrameParser();
        List<MarketEvent> events = [];
        List<MarketFeedStatus> statuses = [];
        var result = parser.Parse(frame, events, statuses);
        return new ParseRun(result, events, statuses, parser.Counters.Snapshot());
    }

    /// <summary>The single event of the frame, which must be of type <typeparamref name="T"/>.</summary>
    public T Single<T>() where T : MarketEvent => Assert.IsType<T>(Assert.Single(Events));

    /// <summary>Counters expected after one frame: name only what is not zero.</summary>
    public static ParseCountersSnapshot Counted(
        long trades = 0, long quotes = 0, long secondAggregates = 0, long minuteAggregates = 0, long luldBands = 0,
        long imbalances = 0, long fairMarketValues = 0, long statuses = 0, long malformedFrames = 0,
        long malformedEvents = 0, long unknownEventTypes = 0, long missingSymbols = 0, long frames = 1) =>
        new(frames, trades, quotes, secondAggregates, minuteAggregates, luldBands, imbalances, fairMarketValues, statuses,
            malformedFrames, malformedEvents, unknownEventTypes, missingSymbols);
}
