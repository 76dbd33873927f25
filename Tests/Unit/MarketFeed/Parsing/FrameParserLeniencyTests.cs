using Scanner.MarketData;
using Scanner.Silo.MarketFeed.Parsing;
using static Scanner.Tests.Unit.MarketFeed.Parsing.ParseRun;

namespace Scanner.Tests.Unit.MarketFeed.Parsing;

/// <summary>What the parser accepts although the documentation would not promise it.</summary>
public class FrameParserLeniencyTests
{
    [Fact]
    public void Reads_fields_in_any_order_with_ev_last()
    {
        var trade = Of("""[{"sym":"MSFT","p":114.125,"s":100,"t":1536036818784,"i":"7","ev":"T"}]""").Single<Trade>();

        Assert.Equal(("MSFT", 114.125, 100L, 1536036818784L, new TradeId(7, null)), (trade.Symbol, trade.Price, trade.Size, trade.Timestamp, trade.Id));
    }

    [Fact]
    public void Skips_unknown_fields_with_nested_arrays_and_objects()
    {
        var run = Of("""
            [{"ev":"Q","foo":{"a":[1,{"b":[]}],"bp":9},"sym":"X","bar":[[1],[2,{"ap":3}]],"bp":1.5,"ap":1.75,"zz":"s","as":null}]
            """);

        var quote = run.Single<Quote>();
        Assert.Equal(("X", 1.5, 1.75, 0L), (quote.Symbol, quote.BidPrice, quote.AskPrice, quote.AskSize));
        Assert.Equal(Counted(quotes: 1), run.Counters);
    }

    [Fact]
    public void Reads_a_null_value_as_an_absent_field()
    {
        var bar = Of("""[{"ev":"A","sym":"SPCE","op":null,"c":null,"v":5}]""").Single<Aggregate>();

        Assert.Null(bar.OfficialOpen);
        Assert.Equal((0d, 5L), (bar.Close, bar.Volume));
    }

    [Fact]
    public void Reads_integers_written_as_integral_decimals_or_exponents()
    {
        var trade = Of("""[{"ev":"T","sym":"A","x":4.0,"z":3e0,"s":1.2e3,"q":7.00,"c":[12.0,1e1],"t":1.536036818784e12}]""").Single<Trade>();

        Assert.Equal((4, 3, 1200L, 7L, 1536036818784L), (trade.Exchange, trade.Tape, trade.Size, trade.Sequence, trade.Timestamp));
        Assert.Equal([12, 10], trade.Conditions.ToArray());
    }

    [Fact]
    public void Reads_decimal_volumes_as_numbers_too()
    {
        var bar = Of("""[{"ev":"AM","sym":"FCX","dv":4989.5,"dav":"1e3"}]""").Single<Aggregate>();

        Assert.Equal((4989.5, 1000d), (bar.PreciseVolume, bar.PreciseAccumulatedVolume));
    }

    [Fact]
    public void Reads_otc_false_as_not_otc()
    {
        Assert.False(Of("""[{"ev":"A","sym":"X","otc":false}]""").Single<Aggregate>().IsOtc);
    }

    [Theory]
    [InlineData("1536036818", 1536036818000)] // seconds
    [InlineData("1536036818784", 1536036818784)] // milliseconds
    [InlineData("1536036818784123", 1536036818784)] // microseconds
    [InlineData("1536036818784123456", 1536036818784)] // nanoseconds
    public void Normalises_timestamps_to_milliseconds_by_magnitude_and_keeps_the_raw_value(string raw, long ms)
    {
        var band = Of($$"""[{"ev":"LULD","T":"X","t":{{raw}}}]""").Single<LuldBand>();

        Assert.Equal((ms, long.Parse(raw)), (band.Timestamp, band.RawTimestamp));
    }

    [Fact]
    public void Normalises_aggregate_windows_and_trf_times_too()
    {
        var run = Of("""[{"ev":"A","sym":"X","s":1610144868,"e":1610144869000000},{"ev":"T","sym":"X","t":1,"trft":1536036818763000}]""");

        var bar = Assert.IsType<Aggregate>(run.Events[0]);
        Assert.Equal((1610144868000, 1610144868, 1610144868000, 1610144869000), (bar.Timestamp, bar.RawTimestamp, bar.Start, bar.End));
        Assert.Equal(1536036818763, Assert.IsType<Trade>(run.Events[1]).TrfTimestamp);
    }

    [Theory]
    [InlineData("\"12345\"", 12345ul, null)]
    [InlineData("\"0\"", 0ul, null)]
    [InlineData("12345", 12345ul, null)]
    [InlineData("\"0123\"", 0ul, "0123")]
    [InlineData("\"52983525029461A\"", 0ul, "52983525029461A")]
    [InlineData("\"99999999999999999999\"", 0ul, "99999999999999999999")]
    [InlineData("\"\\u0031\\u0032\"", 12ul, null)]
    public void Keeps_numeric_trade_ids_as_numbers_and_others_as_text(string wire, ulong number, string? text)
    {
        var trade = Of($$"""[{"ev":"T","sym":"A","i":{{wire}}}]""").Single<Trade>();

        Assert.Equal(new TradeId(number, text), trade.Id);
    }

    [Fact]
    public void Unescapes_symbols_event_types_and_field_names()
    {
        var run = Of("""[{"\u0065v":"\u0054","sym":"\u004DSFT","\u0070":1.5},{"ev":"T","sym":"MSFT"}]""");

        var first = Assert.IsType<Trade>(run.Events[0]);
        Assert.Equal(("MSFT", 1.5), (first.Symbol, first.Price));
        Assert.Same(first.Symbol, run.Events[1].Symbol);
    }

    [Fact]
    public void Keeps_up_to_eight_codes_of_up_to_16_bits_and_counts_the_rest_as_dropped()
    {
        var trade = Of("""[{"ev":"T","sym":"A","c":[1,2,3,4,5,6,7,604,9,70000,-1]}]""").Single<Trade>();

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 604], trade.Conditions.ToArray());
        Assert.Equal(3, trade.Conditions.Dropped);
        Assert.True(trade.Conditions.Contains(604));
    }

    [Fact]
    public void Replaces_invalid_utf8_in_a_symbol_or_message_rather_than_failing()
    {
        byte[] frame = [.. "[{\"ev\":\"T\",\"sym\":\"A"u8, 0xFF, .. "\"},{\"ev\":\"status\",\"status\":\"x\",\"message\":\""u8, 0xC3, .. "\"}]"u8];

        var run = Of(frame);

        Assert.Equal("A\uFFFD", Assert.Single(run.Events).Symbol);
        Assert.Equal(new MarketFeedStatus("x", "\uFFFD"), Assert.Single(run.Statuses));
    }

    [Fact]
    public void Reads_the_auction_type_letter_and_an_empty_one()
    {
        var run = Of("""[{"ev":"NOI","T":"X","a":"C"},{"ev":"NOI","T":"Y","a":""}]""");

        Assert.Equal(['C', '\0'], run.Events.Cast<Imbalance>().Select(e => e.AuctionType));
    }

    [Fact]
    public void Appends_to_the_callers_lists_and_reports_only_what_this_frame_added()
    {
        var parser = new FrameParser();
        List<MarketEvent> events = [];
        List<MarketFeedStatus> statuses = [];
        parser.Parse(MarketFeedFixture.Frame("edge_cases/multi_event_frame"), events, statuses);

        var result = parser.Parse(MarketFeedFixture.Frame("edge_cases/mixed_types_in_one_frame"), events, statuses);

        Assert.Equal(new FrameParseResult(FrameOutcome.Parsed, 3, 1, 0), result);
        Assert.Equal(["AAPL", "AMZN", "SPCE", "MSFT", "MSFT"], events.Select(e => e.Symbol));
        Assert.Equal(Counted(frames: 2, trades: 3, secondAggregates: 1, luldBands: 1, statuses: 1), parser.Counters.Snapshot());
    }

    [Fact]
    public void Counters_shared_by_two_parsers_add_up()
    {
        var counters = new ParseCounters();
        var symbols = new SymbolTable();
        new FrameParser(counters, symbols).Parse(MarketFeedFixture.Frame("published_examples/T"), [], []);
        new FrameParser(counters, symbols).Parse(MarketFeedFixture.Frame("published_examples/Q"), [], []);

        Assert.Equal(Counted(frames: 2, trades: 1, quotes: 1), counters.Snapshot());
        Assert.Equal(1, counters.EventsOf(MarketEventKind.Quote));
    }
}
