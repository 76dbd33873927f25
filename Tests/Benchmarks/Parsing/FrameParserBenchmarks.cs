using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Scanner.MarketData;
using Scanner.Silo.MarketFeed.Parsing;

namespace Scanner.Benchmarks.Parsing;

/// <summary>
/// <see cref="FrameParser"/> on a realistic stream: frames of 1 to 50 events mixing quotes, trades and second
/// aggregates in the feed's average proportions (docs/contracts/market-feed.md: Q 8,000/s, T 2,000/s, A 1,000/s) over 2,000 tickers
/// of skewed popularity, each field written as the feed writes it. Times and allocations are per event.
/// Run: <c>dotnet run -c Release --project Tests/Benchmarks -- --filter '*FrameParser*'</c> (add <c>--job short</c>
/// for a quick look).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class FrameParserBenchmarks
{
    /// <summary>Events per invocation, spread over frames of 1 to 50 events.</summary>
    public const int EventCount = 50_000;

    private const int SymbolCount = 2_000;
    private const int Seed = 42;

    private readonly List<MarketEvent> _events = new(capacity: 64);
    private readonly List<MarketFeedStatus> _statuses = new(capacity: 4);
    private byte[][] _frames = [];
    private FrameParser _parser = new();

    [GlobalSetup]
    public void GenerateFrames()
    {
        var random = new Random(Seed);
        var symbols = GenerateSymbols(random);
        var frames = new List<byte[]>();
        for (var remaining = EventCount; remaining > 0;)
        {
            var size = Math.Min(remaining, random.Next(1, 51));
            frames.Add(WriteFrame(random, symbols, size));
            remaining -= size;
        }
        _frames = [.. frames];
        _parser = new FrameParser();
        Parse(); // warm the symbol table, as a running feed would have it
        if (_parser.Counters.Snapshot() is { Events: not EventCount } or { SkippedEvents: not 0 })
        {
            throw new InvalidOperationException("The generated frames do not parse cleanly.");
        }
    }

    [Benchmark(OperationsPerInvoke = EventCount)]
    public int MixedFrames() => Parse();

    private int Parse()
    {
        var parsed = 0;
        foreach (var frame in _frames)
        {
            _events.Clear();
            _statuses.Clear();
            parsed += _parser.Parse(frame, _events, _statuses).Events;
        }
        return parsed;
    }

    private static string[] GenerateSymbols(Random random)
    {
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        while (symbols.Count < SymbolCount)
        {
            var letters = new char[random.Next(1, 6)];
            for (var i = 0; i < letters.Length; i++)
            {
                letters[i] = (char)('A' + random.Next(26));
            }
            symbols.Add(new string(letters));
        }
        return [.. symbols];
    }

    private static byte[] WriteFrame(Random random, string[] symbols, int size)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var i = 0; i < size; i++)
            {
                // Popular tickers print far more often: square a uniform draw to skew towards the first ones.
                var draw = random.NextDouble();
                var symbol = symbols[(int)(draw * draw * symbols.Length)];
                var time = 1_757_339_559_000L + random.Next(3_600_000);
                var price = Math.Round(1 + random.NextDouble() * 400, 2);
                var kind = random.Next(11);
                if (kind < 8)
                {
                    WriteQuote(json, random, symbol, time, price);
                }
                else if (kind < 10)
                {
                    WriteTrade(json, random, symbol, time, price);
                }
                else
                {
                    WriteAggregate(json, random, symbol, time, price);
                }
            }
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }

    private static void WriteQuote(Utf8JsonWriter json, Random random, string symbol, long time, double price)
    {
        json.WriteStartObject();
        json.WriteString("ev", "Q");
        json.WriteString("sym", symbol);
        json.WriteNumber("bx", random.Next(1, 21));
        json.WriteNumber("bp", price);
        json.WriteNumber("bs", random.Next(1, 50));
        json.WriteNumber("ax", random.Next(1, 21));
        json.WriteNumber("ap", Math.Round(price + 0.01 * random.Next(1, 5), 2));
        json.WriteNumber("as", random.Next(1, 50));
        json.WriteNumber("c", 1);
        json.WriteStartArray("i");
        json.WriteNumberValue(604);
        json.WriteEndArray();
        json.WriteNumber("t", time);
        json.WriteNumber("q", random.Next(1_000_000, 90_000_000));
        json.WriteNumber("z", random.Next(1, 4));
        json.WriteEndObject();
    }

    private static void WriteTrade(Utf8JsonWriter json, Random random, string symbol, long time, double price)
    {
        json.WriteStartObject();
        json.WriteString("ev", "T");
        json.WriteString("sym", symbol);
        json.WriteString("i", random.NextInt64(1, 100_000_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.WriteNumber("x", random.Next(1, 21));
        json.WriteNumber("p", price);
        json.WriteNumber("s", random.Next(1, 1_000));
        json.WriteStartArray("c");
        for (var codes = random.Next(0, 4); codes > 0; codes--)
        {
            json.WriteNumberValue(random.Next(0, 60));
        }
        json.WriteEndArray();
        json.WriteNumber("t", time);
        json.WriteNumber("q", random.Next(1_000_000, 90_000_000));
        json.WriteNumber("z", random.Next(1, 4));
        json.WriteEndObject();
    }

    private static void WriteAggregate(Utf8JsonWriter json, Random random, string symbol, long time, double price)
    {
        var start = time / 1000 * 1000;
        json.WriteStartObject();
        json.WriteString("ev", "A");
        json.WriteString("sym", symbol);
        json.WriteNumber("v", random.Next(1, 10_000));
        json.WriteNumber("av", random.Next(10_000, 50_000_000));
        json.WriteNumber("op", Math.Round(price * 0.98, 2));
        json.WriteNumber("vw", Math.Round(price * 1.001, 4));
        json.WriteNumber("o", price);
        json.WriteNumber("c", Math.Round(price * 1.002, 2));
        json.WriteNumber("h", Math.Round(price * 1.003, 2));
        json.WriteNumber("l", Math.Round(price * 0.999, 2));
        json.WriteNumber("a", Math.Round(price * 0.995, 4));
        json.WriteNumber("z", random.Next(1, 500));
        json.WriteNumber("s", start);
        json.WriteNumber("e", start + 1000);
        json.WriteEndObject();
    }

    /// <summary>
    /// Runs every job (the default one, or those given with <c>--job</c>) in this process: BenchmarkDotNet's generated
    /// project cannot find this one, whose file name differs from its assembly name, and in-process skips a build.
    /// At most 20 iterations: on a shared, noisy machine more of them only measure the noise for longer. Results also
    /// go out as result records (<see cref="Results.BenchmarkResultExporter"/>) for <c>scripts/bench.sh all</c>.
    /// </summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithMaxIterationCount(20).AsMutator());
            AddExporter(Results.BenchmarkResultExporter.Instance);
#if DEBUG
            // CI's smoke runs the Debug build, to see it run and report, never to measure it.
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
#endif
        }
    }
}
