using Scanner.MarketData;
using Scanner.Silo.MarketFeed.Parsing;
using static Scanner.Tests.Unit.MarketFeed.Parsing.ParseRun;

namespace Scanner.Tests.Unit.MarketFeed.Parsing;

/// <summary>Every frame of the fixture file, field by field (records compare every field), and the counters it leaves.</summary>
public class FrameParserFixtureTests
{
    private sealed record Expectation(FrameOutcome Outcome, MarketEvent[] Events, MarketFeedStatus[] Statuses, ParseCountersSnapshot Counters);

    private static readonly Trade MsftTrade = new(
        "MSFT", 1536036818784, 1536036818784, Exchange: 4, new TradeId(12345, null), Tape: 3, Price: 114.125, Size: 100,
        ConditionCodes.Of(0, 12), Sequence: 3681328, TrfId: 0, TrfTimestamp: 0);

    private static readonly Aggregate SpceSecond = new(
        "SPCE", 1610144868000, 1610144868000, IsMinute: false, Volume: 200, AccumulatedVolume: 8642007, OfficialOpen: 25.66,
        Vwap: 25.3981, Open: 25.39, High: 25.39, Low: 25.39, Close: 25.39, DayVwap: 25.3714, AverageTradeSize: 50,
        Start: 1610144868000, End: 1610144869000, IsOtc: false, PreciseVolume: null, PreciseAccumulatedVolume: null);

    private static readonly LuldBand MsftBand = new(
        "MSFT", 1601316752683, 1601316752683746, UpperPrice: 218.96, LowerPrice: 198.11, ConditionCodes.Of(21), Tape: 3,
        Sequence: 290317);

    private static readonly Aggregate FcxMinute = new(
        "FCX", 1757339520000, 1757339520000, IsMinute: true, Volume: 4989, AccumulatedVolume: 4332125, OfficialOpen: 44.51,
        Vwap: 44.6121, Open: 44.6, High: 44.63, Low: 44.6, Close: 44.62, DayVwap: 44.5522, AverageTradeSize: 12,
        Start: 1757339520000, End: 1757339580000, IsOtc: false, PreciseVolume: null, PreciseAccumulatedVolume: null);

    private static Expectation Parsed(MarketEvent[] events, MarketFeedStatus[] statuses, ParseCountersSnapshot counters) =>
        new(FrameOutcome.Parsed, events, statuses, counters);

    private static Expectation Status(string status, string message) =>
        Parsed([], [new MarketFeedStatus(status, message)], Counted(statuses: 1));

    private static readonly Dictionary<string, Expectation> Expected = new()
    {
        ["published_examples/T"] = Parsed([MsftTrade], [], Counted(trades: 1)),
        ["published_examples/Q"] = Parsed(
            [new Quote("MSFT", 1536036818784, 1536036818784, BidExchange: 4, BidPrice: 114.125, BidSize: 100, AskExchange: 7,
                AskPrice: 114.128, AskSize: 160, Condition: 0, ConditionCodes.Of(604), Sequence: 50385480, Tape: 3)],
            [], Counted(quotes: 1)),
        ["published_examples/A"] = Parsed([SpceSecond], [], Counted(secondAggregates: 1)),
        ["published_examples/AM"] = Parsed(
            [new Aggregate("GTE", 1610144640000, 1610144640000, IsMinute: true, Volume: 4110, AccumulatedVolume: 9470157,
                OfficialOpen: 0.4372, Vwap: 0.4488, Open: 0.4488, High: 0.4489, Low: 0.4486, Close: 0.4486, DayVwap: 0.4352,
                AverageTradeSize: 685, Start: 1610144640000, End: 1610144700000, IsOtc: false, PreciseVolume: null,
                PreciseAccumulatedVolume: null)],
            [], Counted(minuteAggregates: 1)),
        ["published_examples/LULD"] = Parsed([MsftBand], [], Counted(luldBands: 1)),
        ["published_examples/NOI"] = Parsed(
            [new Imbalance("NTEST.Q", 1601318039223, 1601318039223013600, AuctionTime: 930, AuctionType: 'M',
                SymbolSequence: 44, Exchange: 10, ImbalanceQuantity: 480, PairedQuantity: 440, BookClearingPrice: 25.03)],
            [], Counted(imbalances: 1)),
        ["published_examples/FMV"] = Parsed(
            [new FairMarketValue("AAPL", 1678220098130, 1678220098130, 189.22)], [], Counted(fairMarketValues: 1)),

        ["handshake/0/server"] = Status("connected", "Connected Successfully"),
        ["handshake/1/client"] = new(FrameOutcome.NotAnArray, [], [], Counted(malformedFrames: 1)),
        ["handshake/2/server"] = Status("auth_success", "authenticated"),
        ["handshake/3/client"] = new(FrameOutcome.NotAnArray, [], [], Counted(malformedFrames: 1)),
        ["handshake/4/server"] = Status("success", "subscribed to: T.*"),
        ["handshake/5/server"] = Status("success", "subscribed to: A.*"),
        ["handshake/6/client"] = new(FrameOutcome.NotAnArray, [], [], Counted(malformedFrames: 1)),
        ["handshake/7/server"] = Status("success", "unsubscribed to: T.AAPL"),

        ["error_statuses/0"] = Status("auth_failed", "authentication failed"),
        ["error_statuses/1"] = Status("auth_timeout", "No authentication request received."),
        ["error_statuses/2"] = Status("max_connections",
            "Maximum number of websocket connections exceeded. You have reached the connection limit for your account. " +
            "Please contact support at https://massive.com/contact to increase your limit."),
        ["error_statuses/3"] = Status("error", "not authorized"),

        ["edge_cases/multi_event_frame"] = Parsed(
            [
                new Trade("AAPL", 1651684192462, 1651684192462, 10, new TradeId(5096, null), 3, 161.87, 300,
                    ConditionCodes.Of(14, 41), 4009402, 0, 0),
                new Trade("AMZN", 1651684192496, 1651684192496, 4, new TradeId(799, null), 3, 2462.9, 1,
                    ConditionCodes.Of(12, 37), 4009419, 0, 0),
            ],
            [], Counted(trades: 2)),
        ["edge_cases/mixed_types_in_one_frame"] = Parsed(
            [SpceSecond, MsftTrade, MsftBand], [new MarketFeedStatus("success", "subscribed to: Q.*")],
            Counted(trades: 1, secondAggregates: 1, luldBands: 1, statuses: 1)),
        ["edge_cases/float_where_int_documented"] = Parsed([FcxMinute], [], Counted(minuteAggregates: 1)),
        ["edge_cases/decimal_volume_strings"] = Parsed(
            [FcxMinute with
            {
                Timestamp = 1757339559000, RawTimestamp = 1757339559000, IsMinute = false, Start = 1757339559000,
                End = 1757339560000, PreciseVolume = 4989.0, PreciseAccumulatedVolume = 4332125.038360,
            }],
            [], Counted(secondAggregates: 1)),
        ["edge_cases/otc_flag_only_when_true"] = Parsed(
            [new Aggregate("OTCX", 1757339559000, 1757339559000, false, 1000, 25000, 0.51, 0.52, 0.52, 0.53, 0.52, 0.53,
                0.515, 250, 1757339559000, 1757339560000, IsOtc: true, null, null)],
            [], Counted(secondAggregates: 1)),
        ["edge_cases/luld_nanosecond_timestamp"] = Parsed(
            [new LuldBand("ATHR", 1757339559123, 1757339559123456789, 3.41, 2.79, ConditionCodes.Empty, 3, 1204551)],
            [], Counted(luldBands: 1)),
        ["edge_cases/trade_with_trf_fields"] = Parsed(
            [MsftTrade with { TrfId = 202, TrfTimestamp = 1536036818763 }], [], Counted(trades: 1)),
        ["edge_cases/unknown_event_type"] = Parsed([], [], Counted(unknownEventTypes: 1)),
        ["edge_cases/event_missing_symbol"] = Parsed([], [], Counted(missingSymbols: 1)),
        ["edge_cases/wrong_type_field"] = Parsed([], [], Counted(malformedEvents: 1)),
        ["edge_cases/premarket_aggregate_without_official_open"] = Parsed(
            [SpceSecond with
            {
                Timestamp = 1610110868000, RawTimestamp = 1610110868000, AccumulatedVolume = 12000, OfficialOpen = null,
                Start = 1610110868000, End = 1610110869000,
            }],
            [], Counted(secondAggregates: 1)),

        // "" and "not json" are not JSON; a lone object is not a frame; a frame that breaks off is malformed.
        ["malformed_frames_as_text/0"] = new(FrameOutcome.InvalidJson, [], [], Counted(malformedFrames: 1)),
        ["malformed_frames_as_text/1"] = new(FrameOutcome.InvalidJson, [], [], Counted(malformedFrames: 1)),
        ["malformed_frames_as_text/2"] = new(FrameOutcome.NotAnArray, [], [], Counted(malformedFrames: 1)),
        ["malformed_frames_as_text/3"] = new(FrameOutcome.InvalidJson, [], [], Counted(malformedFrames: 1)),
        // A well-formed array of non-events: each element is a malformed event, so a good neighbour would survive.
        ["malformed_frames_as_text/4"] = Parsed([], [], Counted(malformedEvents: 3)),
        ["malformed_frames_as_text/5"] = Parsed([], [], Counted(malformedEvents: 1)),
    };

    public static TheoryData<string> FixturePaths() => [.. MarketFeedFixture.All.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_frame_of_the_fixture_file_has_an_expectation_and_every_expectation_a_frame()
    {
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), MarketFeedFixture.All.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FixturePaths))]
    public void Parses_the_fixture_frame_field_by_field(string path)
    {
        var expected = Expected[path];

        var run = Of(MarketFeedFixture.Frame(path));

        Assert.Equal(expected.Events, run.Events);
        Assert.Equal(expected.Statuses, run.Statuses);
        Assert.Equal(expected.Counters, run.Counters);
        var skipped = (int)expected.Counters.SkippedEvents;
        Assert.Equal(new FrameParseResult(expected.Outcome, expected.Events.Length, expected.Statuses.Length, skipped), run.Result);
    }

    [Fact]
    public void Interns_symbols_so_every_event_of_a_ticker_shares_one_string()
    {
        var run = Of(MarketFeedFixture.Frame("edge_cases/mixed_types_in_one_frame"));

        Assert.Same(run.Events[1].Symbol, run.Events[2].Symbol); // MSFT trade and MSFT band
    }
}
