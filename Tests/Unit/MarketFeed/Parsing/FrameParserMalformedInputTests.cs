using System.Text;
using Scanner.MarketData;
using Scanner.Silo.MarketFeed.Parsing;
using static Scanner.Tests.Unit.MarketFeed.Parsing.ParseRun;

namespace Scanner.Tests.Unit.MarketFeed.Parsing;

/// <summary>Bad input is skipped and counted by reason, loses nothing else, and never throws.</summary>
public class FrameParserMalformedInputTests
{
    private const string Good = """{"ev":"T","sym":"MSFT","p":1.5}""";

    [Theory]
    [InlineData("", FrameOutcome.InvalidJson)]
    [InlineData("   ", FrameOutcome.InvalidJson)]
    [InlineData("not json", FrameOutcome.InvalidJson)]
    [InlineData("]", FrameOutcome.InvalidJson)]
    [InlineData("[", FrameOutcome.InvalidJson)]
    [InlineData("[{", FrameOutcome.InvalidJson)]
    [InlineData("[{\"ev\":\"T\",", FrameOutcome.InvalidJson)]
    [InlineData("[,]", FrameOutcome.InvalidJson)]
    [InlineData("[/*c*/]", FrameOutcome.InvalidJson)]
    [InlineData("{\"ev\":\"T\",\"sym\":\"MSFT\"}", FrameOutcome.NotAnArray)]
    [InlineData("\"[]\"", FrameOutcome.NotAnArray)]
    [InlineData("42", FrameOutcome.NotAnArray)]
    [InlineData("null", FrameOutcome.NotAnArray)]
    public void Counts_a_frame_that_is_not_a_json_array_and_yields_nothing(string frame, FrameOutcome outcome)
    {
        var run = Of(frame);

        Assert.Equal(new FrameParseResult(outcome, 0, 0, 0), run.Result);
        Assert.True(run.Result.IsMalformedFrame);
        Assert.Empty(run.Events);
        Assert.Equal(Counted(malformedFrames: 1), run.Counters);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData(" [ ] \r\n")]
    public void Reads_an_empty_array_as_a_frame_without_events(string frame)
    {
        var run = Of(frame);

        Assert.Equal(new FrameParseResult(FrameOutcome.Parsed, 0, 0, 0), run.Result);
        Assert.Equal(Counted(), run.Counters);
    }

    [Fact]
    public void Keeps_the_events_complete_before_a_frame_breaks_off()
    {
        var run = Of($"[{Good},{Good.Replace("MSFT", "AAPL")},{{\"ev\":\"T\",\"sym\":\"IBM\",\"p\":1");

        Assert.Equal(FrameOutcome.InvalidJson, run.Result.Outcome);
        Assert.Equal(["MSFT", "AAPL"], run.Events.Select(e => e.Symbol));
        Assert.Equal(Counted(trades: 2, malformedFrames: 1), run.Counters);
    }

    [Fact]
    public void Keeps_the_events_of_an_array_followed_by_garbage_but_counts_the_frame()
    {
        var run = Of($"[{Good}] [{Good}]");

        Assert.Equal(new FrameParseResult(FrameOutcome.InvalidJson, 1, 0, 0), run.Result);
        Assert.Equal(Counted(trades: 1, malformedFrames: 1), run.Counters);
    }

    public static TheoryData<string, ParseCountersSnapshot> BadEvents() => new()
    {
        { """{"ev":"T","sym":"MSFT","p":"not-a-number"}""", Counted(malformedEvents: 1) },
        { """{"ev":"T","sym":"MSFT","c":"0,12"}""", Counted(malformedEvents: 1) },
        { """{"ev":"T","sym":"MSFT","c":[0,"12"]}""", Counted(malformedEvents: 1) },
        { """{"ev":"T","sym":"MSFT","c":[0,[12]]}""", Counted(malformedEvents: 1) },
        { """{"ev":"T","sym":"MSFT","c":{"x":[1]}}""", Counted(malformedEvents: 1) },
        { """{"ev":"T","sym":"MSFT","s":10.5}""", Counted(malformedEvents: 1) },
        { """{"ev":"T","sym":"MSFT","s":99999999999999999999999}""", Counted(malformedEvents: 1) },
        { """{"ev":"T","sym":"MSFT","s":1e400}""", Counted(malformedEvents: 1) },
        { """{"ev":"T","sym":"MSFT","p":1e400}""", Counted(malformedEvents: 1) },
        { """{"ev":"T","sym":"MSFT","x":3000000000}""", Counted(malformedEvents: 1) },
        { """{"ev":"T","sym":"MSFT","i":true}""", Counted(malformedEvents: 1) },
        { """{"ev":"T","sym":"MSFT","i":-5}""", Counted(malformedEvents: 1) },
        { """{"ev":"T","sym":5}""", Counted(malformedEvents: 1) },
        { """{"ev":"T","sym":["MSFT"]}""", Counted(malformedEvents: 1) },
        { """{"ev":"T","sym":"\ud800"}""", Counted(malformedEvents: 1) },
        { """{"ev":"A","sym":"X","otc":"true"}""", Counted(malformedEvents: 1) },
        { """{"ev":"A","sym":"X","dav":"12a"}""", Counted(malformedEvents: 1) },
        { """{"ev":"A","sym":"X","dv":""}""", Counted(malformedEvents: 1) },
        { """{"ev":"NOI","T":"X","a":7}""", Counted(malformedEvents: 1) },
        { """{"ev":"status","message":"no status"}""", Counted(malformedEvents: 1) },
        { """{"ev":"status","status":7}""", Counted(malformedEvents: 1) },
        { """{"ev":1,"sym":"MSFT"}""", Counted(malformedEvents: 1) },
        { """{"ev":"\ud800","sym":"MSFT"}""", Counted(malformedEvents: 1) },
        { """{"sym":"MSFT","ev":"\udc00"}""", Counted(malformedEvents: 1) },
        { """{"sym":"MSFT","p":1.5}""", Counted(malformedEvents: 1) },
        { """{}""", Counted(malformedEvents: 1) },
        { """[{"ev":"T","sym":"MSFT"}]""", Counted(malformedEvents: 1) },
        { """null""", Counted(malformedEvents: 1) },
        { """ "T" """, Counted(malformedEvents: 1) },
        { """{"ev":"XYZ","sym":"AAPL","nested":{"ev":"T"}}""", Counted(unknownEventTypes: 1) },
        { """{"ev":"t","sym":"AAPL"}""", Counted(unknownEventTypes: 1) },
        { """{"ev":"","sym":"AAPL"}""", Counted(unknownEventTypes: 1) },
        { """{"ev":"T","p":1.5}""", Counted(missingSymbols: 1) },
        { """{"ev":"T","sym":""}""", Counted(missingSymbols: 1) },
        { """{"ev":"T","sym":null}""", Counted(missingSymbols: 1) },
        { """{"ev":"LULD","sym":"MSFT"}""", Counted(missingSymbols: 1) },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public void Skips_a_bad_event_by_reason_and_keeps_its_neighbours(string bad, ParseCountersSnapshot counted)
    {
        var run = Of($"[{Good},{bad},{Good.Replace("MSFT", "AAPL")}]");

        Assert.Equal(new FrameParseResult(FrameOutcome.Parsed, 2, 0, 1), run.Result);
        Assert.Equal(["MSFT", "AAPL"], run.Events.Select(e => e.Symbol));
        Assert.Equal(counted with { Trades = 2 }, run.Counters);
    }

    [Fact]
    public void Counts_nesting_deeper_than_the_reader_allows_as_a_malformed_frame()
    {
        var run = Of($"[{Good},{{\"ev\":\"T\",\"foo\":{new string('[', 100)}{new string(']', 100)}}}]");

        Assert.Equal(FrameOutcome.InvalidJson, run.Result.Outcome);
        Assert.Equal(Counted(trades: 1, malformedFrames: 1), run.Counters);
    }

    [Fact]
    public void Never_throws_on_any_prefix_of_a_frame_and_keeps_only_whole_events()
    {
        var frame = MarketFeedFixture.Frame("edge_cases/mixed_types_in_one_frame");
        var whole = Of(frame);

        for (var length = 0; length < frame.Length; length++)
        {
            var run = Of(frame[..length]);

            Assert.True(run.Result.IsMalformedFrame, $"prefix {length}");
            Assert.Equal(whole.Events.Take(run.Events.Count), run.Events);
            Assert.Equal(1, run.Counters.MalformedFrames);
        }
    }

    [Fact]
    public void Never_throws_on_corrupted_frames()
    {
        var random = new Random(20261125);
        var frames = MarketFeedFixture.All.Values.Where(f => f.Length > 0).ToArray();
        var noise = Encoding.UTF8.GetBytes("[]{}\",:0-.e\\u\ud800tn1 ");
        var parser = new FrameParser(new ParseCounters(), new SymbolTable(capacity: 16));
        List<MarketEvent> events = [];
        List<MarketFeedStatus> statuses = [];

        for (var i = 0; i < 20_000; i++)
        {
            var frame = (byte[])frames[random.Next(frames.Length)].Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                frame[random.Next(frame.Length)] = random.Next(3) == 0 ? (byte)random.Next(256) : noise[random.Next(noise.Length)];
            }
            events.Clear();
            statuses.Clear();

            var result = parser.Parse(frame, events, statuses);

            Assert.Equal((events.Count, statuses.Count), (result.Events, result.Statuses));
        }
        var counted = parser.Counters.Snapshot();
        Assert.Equal(20_000, counted.Frames);
        Assert.True(counted.MalformedFrames + counted.SkippedEvents > 0);
    }
}
