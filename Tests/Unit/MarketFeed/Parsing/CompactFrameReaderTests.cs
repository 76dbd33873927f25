using System.Text;
using Scanner.MarketData;
using Scanner.Silo.MarketFeed.Parsing;

namespace Scanner.Tests.Unit.MarketFeed.Parsing;

/// <summary>
/// The compact path (<see cref="CompactFrameReader"/>) against the general reader: every fixture frame as written, in
/// the feed's compact layout, and changed in ways the compact path does not take (reordered, spaced, escaped, unknown
/// or null fields, numbers it leaves to the general reader) gives the same events, statuses and counters.
/// </summary>
public class CompactFrameReaderTests
{
    public static TheoryData<string> Variants => [.. FrameVariants.Names];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_fixture_frame_reads_as_the_general_reader_reads_it(string variant)
    {
        var pair = new ParserPair();
        foreach (var (path, frame) in MarketFeedFixture.All)
        {
            var problem = pair.Compare(FrameVariants.Of(variant, frame));
            Assert.True(problem is null, $"{path} ({variant}): {problem}");
        }
    }

    [Theory]
    [InlineData("published_examples/Q")]
    [InlineData("published_examples/T")]
    [InlineData("published_examples/A")]
    [InlineData("published_examples/AM")]
    [InlineData("edge_cases/multi_event_frame")]
    public void Takes_the_feeds_events_in_its_compact_layout(string path)
    {
        var pair = new ParserPair();

        Assert.Null(pair.Compare(FrameVariants.Compact(MarketFeedFixture.Frame(path))));
        Assert.Equal(1, pair.TakenByCompactPath);
    }

    [Theory]
    [InlineData("""[{"ev":"Q","sym":"X","bp":1.5,"bs":12.0}]""")] // an integer with a fraction
    [InlineData("""[{"ev":"Q","sym":"X","bp":1e2}]""")]
    [InlineData("""[{"ev":"Q","sym":"X","bp":1234567890.1234567}]""")] // more than 15 digits
    [InlineData("""[{"ev":"Q","sym":"X","bp":01}]""")]
    [InlineData("""[{"ev":"Q","sym":"X","bp":-}]""")]
    [InlineData("""[{"ev":"Q","sym":"X","bp":1.}]""")]
    [InlineData("""[{"ev":"Q","sym":"X","bp":1.5x}]""")]
    [InlineData("""[{"ev":"Q","sym":"X","bp":1.5]""")]
    [InlineData("""[{"ev":"Q","sym":"X","i":[1,]}]""")]
    [InlineData("""[{"ev":"Q","sym":"X","i":[1,2.0]}]""")]
    [InlineData("""[{"ev":"Q","sym":"X","i":[4294967296]}]""")]
    [InlineData("""[{"ev":"Q","sym":"X","zz":{"a":1}}]""")]
    [InlineData("""[{"ev":"Q","sym":"X","zz":tru}]""")]
    [InlineData("""[{"ev":"Q","sym":"X","bp":nul}]""")]
    [InlineData("""[{"ev":"Q","sym":"X","bp":null}""")]
    [InlineData("""[{"ev":"Q","sym":"X"},]""")]
    [InlineData("""[{"ev":"Q","sym":"X"}] """)]
    [InlineData("""[{"ev":"Q","sym":"X"}]x""")]
    [InlineData("""[{"ev":"Q","sym":""}]""")]
    [InlineData("""[{"ev":"Q","sym":"X\u0001"}]""")]
    [InlineData("""[{"ev":"Q","sym":"X","s":"Y"},{"ev":"Q","bp":1}]""")]
    [InlineData("""[{"ev":"T","sym":"X","i":123}]""")]
    [InlineData("""[{"ev":"T","sym":"X","i":"0012"}]""")]
    [InlineData("""[{"ev":"A","sym":"X","otc":true,"dv":"12.5","dav":1.25}]""")]
    [InlineData("""[{"ev":"A","sym":"X","otc":false,"dv":"12.5x"}]""")]
    [InlineData("""[{"ev":"Q","sym":"X"},{"ev":"LULD","T":"X"}]""")]
    [InlineData("""[{"ev":"Q","sym":"X"},{"ev":"status","status":"ok","message":"m"}]""")]
    [InlineData("""[{"ev":"ZZ","sym":"X"}]""")]
    [InlineData("""[]""")]
    [InlineData("""[1]""")]
    public void Edge_frames_read_as_the_general_reader_reads_them(string frame)
    {
        var problem = new ParserPair().Compare(Encoding.UTF8.GetBytes(frame));

        Assert.True(problem is null, problem);
    }

    [Fact]
    public void Appends_after_the_callers_events_and_leaves_them_when_it_gives_up()
    {
        var parser = new FrameParser();
        var earlier = new Quote("E", 1, 1, 0, 0, 0, 0, 0, 0, 0, default, 0, 0);
        List<MarketEvent> events = [earlier];

        parser.Parse("""[{"ev":"Q","sym":"X","bp":1.5},{"ev":"Q","sym":"Y","bp":1.5 }]"""u8, events, []);

        Assert.Equal(new[] { "E", "X", "Y" }, events.Select(e => e.Symbol));
        Assert.Same(earlier, events[0]);
    }

    [Fact]
    public void A_full_symbol_table_sends_new_tickers_to_the_general_reader()
    {
        var pair = new ParserPair(symbolCapacity: 1);

        Assert.Null(pair.Compare(Encoding.UTF8.GetBytes("""[{"ev":"Q","sym":"X"},{"ev":"Q","sym":"Y"},{"ev":"Q","sym":"LONGER.TICKER"}]""")));
        Assert.Null(pair.Compare(Encoding.UTF8.GetBytes("""[{"ev":"Q","sym":"X"}]""")));
        Assert.Equal(1, pair.TakenByCompactPath);
    }
}
