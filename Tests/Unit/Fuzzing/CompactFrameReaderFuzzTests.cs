using Scanner.Silo.MarketFeed.Parsing;
using Scanner.Tests.Unit.MarketFeed.Parsing;
using Xunit.Abstractions;

namespace Scanner.Tests.Unit.Fuzzing;

/// <summary>
/// The compact path against the general reader (<see cref="ParserPair"/>) on mutations of every fixture frame in the
/// feed's compact layout (<see cref="JsonMutator"/>; case count and seed in <see cref="FuzzRun"/>): both parsers give
/// the same result, events, statuses, counters and symbol table on every case. The table is small, so that it fills
/// up and the compact path meets tickers it must leave to the general reader.
/// </summary>
public class CompactFrameReaderFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Mutated_compact_frames_read_as_the_general_reader_reads_them()
    {
        var run = FuzzRun.Start(output, "compact path fuzz");
        var frames = MarketFeedFixture.ServerFrames.Select(FrameVariants.Compact).ToList();
        // Most fixture frames are of other event types, or malformed: the ones the compact path takes are listed again.
        List<byte[]> seeds = [.. frames, .. frames.Where(f => CompactFrameReader.TryRead(f, new SymbolTable(), []))];
        var mutator = new JsonMutator(seeds, run.Seed);
        var applied = new int[JsonMutator.Kinds.Length];
        var pair = new ParserPair(symbolCapacity: 64);

        for (var i = 0; i < run.Cases; i++)
        {
            var frame = mutator.Next(applied);
            var problem = pair.Compare(frame);
            Assert.True(problem is null, $"case {i} ({run}): {problem}\ninput (base64): {Convert.ToBase64String(frame)}");
        }

        output.WriteLine($"{pair.TakenByCompactPath:N0} of {run.Cases:N0} mutated frames taken whole by the compact path");
        Assert.True(pair.TakenByCompactPath > 0, "the mutations never reach the compact path");
    }
}
