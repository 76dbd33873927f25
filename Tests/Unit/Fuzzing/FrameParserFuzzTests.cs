using System.Diagnostics;
using System.Text.Json;
using Scanner.MarketData;
using Scanner.Silo.MarketFeed.Parsing;
using Scanner.Tests.Unit.MarketFeed.Parsing;
using Xunit.Abstractions;

namespace Scanner.Tests.Unit.Fuzzing;

/// <summary>
/// The feed's frame parser against mutations of every server frame of the fixture (<see cref="JsonMutator"/>; case count and seed in
/// <see cref="FuzzRun"/>): nothing escapes it, and every array element of a frame comes out as an event or status or
/// is counted as skipped, with a frame that is not a whole JSON array counted malformed. <see cref="JsonDocument"/>
/// is the oracle for what the frame holds.
/// </summary>
public class FrameParserFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Mutated_frames_never_throw_and_every_element_is_published_or_counted()
    {
        var run = FuzzRun.Start(output, "frame parser fuzz");
        var mutator = new JsonMutator([.. MarketFeedFixture.ServerFrames], run.Seed);
        var applied = new int[JsonMutator.Kinds.Length];
        var parser = new FrameParser();
        List<MarketEvent> events = [];
        List<MarketFeedStatus> statuses = [];
        var outcomes = new Dictionary<FrameOutcome, int>();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < run.Cases; i++)
        {
            var frame = mutator.Next(applied);
            var before = parser.Counters.Snapshot();
            events.Clear();
            statuses.Clear();
            FrameParseResult result;
            try
            {
                result = parser.Parse(frame, events, statuses);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"case {i} ({run}) threw {ex}\ninput (base64): {Convert.ToBase64String(frame)}");
            }
            var problem = Check(frame, result, events, statuses, before, parser.Counters.Snapshot());
            Assert.True(problem is null, $"case {i} ({run}): {problem}\ninput (base64): {Convert.ToBase64String(frame)}");
            outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
        }

        var counted = parser.Counters.Snapshot();
        output.WriteLine($"{run.Cases:N0} frames in {clock.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value:N0}"))}");
        output.WriteLine($"events {counted.Events:N0}, statuses {counted.Statuses:N0}, malformed frames {counted.MalformedFrames:N0}, "
            + $"malformed events {counted.MalformedEvents:N0}, unknown types {counted.UnknownEventTypes:N0}, missing symbols {counted.MissingSymbols:N0}");
        output.WriteLine($"mutations: {string.Join(", ", JsonMutator.Kinds.Select((k, i) => $"{k} {applied[i]:N0}"))}");
        Assert.Equal(run.Cases, counted.Frames);
        // The mutations must reach every path: whole frames, skipped elements and broken frames all occur.
        Assert.All(outcomes.Keys.Append(FrameOutcome.Parsed).Distinct(), o => Assert.True(outcomes.GetValueOrDefault(o) > 0, $"no frame ended {o}"));
        Assert.True(counted.MalformedEvents > 0 && counted.UnknownEventTypes > 0 && counted.MissingSymbols > 0, "a skip reason never occurred");
    }

    /// <summary>
    /// The compact path against the general reader (<see cref="ParserPair"/>) on mutations of every server frame in the
    /// feed's compact layout: both give the same result, events, statuses, counters and symbol table on every case.
    /// The table is small, so that it fills up and the compact path meets tickers it must leave to the general reader.
    /// </summary>
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

    /// <summary>What is wrong with one frame's accounting, or null.</summary>
    private static string? Check(
        byte[] frame, FrameParseResult result, List<MarketEvent> events, List<MarketFeedStatus> statuses,
        ParseCountersSnapshot before, ParseCountersSnapshot after)
    {
        if (result.Events != events.Count || result.Statuses != statuses.Count)
        {
            return $"result {result} but {events.Count} events and {statuses.Count} statuses appended";
        }
        if (after.Frames - before.Frames != 1
            || after.Events - before.Events != result.Events
            || after.Statuses - before.Statuses != result.Statuses
            || after.SkippedEvents - before.SkippedEvents != result.SkippedEvents
            || after.MalformedFrames - before.MalformedFrames != (result.IsMalformedFrame ? 1 : 0))
        {
            return $"counters moved from {before} to {after} for {result}";
        }

        int? elements;
        try
        {
            using var document = JsonDocument.Parse(frame);
            elements = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.GetArrayLength() : null;
        }
        catch (JsonException)
        {
            // What does not open with '[' is refused at its first token, whether or not the rest is valid.
            return result.IsMalformedFrame ? null : $"invalid JSON read as {result}";
        }
        if (elements is not { } count)
        {
            return result == new FrameParseResult(FrameOutcome.NotAnArray, 0, 0, 0) ? null : $"a JSON value that is not an array read as {result}";
        }
        return result.Outcome == FrameOutcome.Parsed && result.Events + result.Statuses + result.SkippedEvents == count
            ? null
            : $"an array of {count} elements read as {result}";
    }
}
