using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streaming.RabbitMQ;
using Orleans.Streams;
using Orleans.TestingHost;
using Scanner.MarketData;

namespace Scanner.Benchmarks.Streaming;

/// <summary>
/// End-to-end load run of the RabbitMQ stream provider (not a BenchmarkDotNet benchmark): a 1-silo in-process cluster
/// on the real broker; producers push per-symbol trade batches through the "trades" provider into counting grains,
/// with a bounded number of publishes outstanding. Reports sustained events/s and publish-to-grain latency.
/// <code>dotnet run -c Release --project Tests/Benchmarks -- streams --rabbitmq amqp://guest:guest@127.0.0.1:5672/ [--seconds 20] [--symbols 2000] [--batch 5] [--window 2048]</code>
/// </summary>
internal static class StreamLoadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var uri = new Uri(LoadRunArguments.Text(args, "--rabbitmq") ?? Environment.GetEnvironmentVariable("SCANNER_TEST_RABBITMQ")
            ?? throw new ArgumentException("Give the broker with --rabbitmq amqp://user:pass@host:port/ (or set SCANNER_TEST_RABBITMQ)."));
        var seconds = LoadRunArguments.Int(args, "--seconds", 20);
        var symbolCount = LoadRunArguments.Int(args, "--symbols", 2000);
        var batchSize = LoadRunArguments.Int(args, "--batch", 5);
        var window = LoadRunArguments.Int(args, "--window", 2048);
        var prefix = $"bench{Guid.NewGuid():N}"[..13];

        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddRabbitMqStreams(MarketDataStreams.Trades, o =>
            {
                o.Uri = uri;
                o.QueuePrefix = prefix;
                o.MessageTtl = TimeSpan.FromSeconds(60);
            });
            silo.WithCountingConsumerOnly();
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var silo = cluster.Silos[0].ServiceProvider;
        var status = silo.GetRequiredService<RabbitMqStreamStatusBoard>().Get(MarketDataStreams.Trades);
        var provider = silo.GetRequiredService<IClusterClient>().GetStreamProvider(MarketDataStreams.Trades);
        var symbols = Enumerable.Range(0, symbolCount).Select(i => $"S{i:D5}").ToArray();
        var streams = symbols.Select(s => provider.GetStream<MarketEvent>(StreamId.Create(MarketDataStreams.Trades, s))).ToArray();

        Console.WriteLine($"streams load run: broker {uri.Host}:{uri.Port}, {symbolCount} symbols, {batchSize} trades per batch, {window} publishes outstanding, {seconds} s");
        LatencyRecorder.Reset(50_000_000, static e => e.RawTimestamp);
        // Warm up: activate every consumer grain before measuring.
        await Task.WhenAll(streams.Select((s, i) => s.OnNextAsync(Trade(symbols[i], 0))));
        await Polling.WaitForAsync(() => LatencyRecorder.Events >= symbolCount, TimeSpan.FromSeconds(60));
        LatencyRecorder.Reset(50_000_000, static e => e.RawTimestamp);

        var published = 0L;
        var failed = 0L;
        using var gate = new SemaphoreSlim(window);
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(seconds * Stopwatch.Frequency);
        var sequence = 0L;
        for (var i = 0; Stopwatch.GetTimestamp() < end; i = (i + 1) % symbolCount)
        {
            await gate.WaitAsync();
            var now = Stopwatch.GetTimestamp();
            var batch = new MarketEvent[batchSize];
            for (var k = 0; k < batchSize; k++) batch[k] = Trade(symbols[i], ++sequence, now);
            _ = PublishAsync(streams[i], batch);
        }
        for (var k = 0; k < window; k++) await gate.WaitAsync();
        var publishSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

        var expected = Interlocked.Read(ref published);
        var drained = await Polling.WaitForAsync(() => LatencyRecorder.Events >= expected, TimeSpan.FromSeconds(60));
        var lastReceipt = LatencyRecorder.LastReceiptTimestamp;
        var receiveSeconds = Stopwatch.GetElapsedTime(start, lastReceipt).TotalSeconds;
        var q = LatencyRecorder.Quantiles(0.5, 0.99, 0.999);
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the dead-letter monitor count any expiry

        Console.WriteLine($"published (confirmed): {expected:N0} events in {publishSeconds:F1} s = {expected / publishSeconds:N0} events/s; failed publishes {Interlocked.Read(ref failed):N0} events");
        Console.WriteLine($"received by grains:    {LatencyRecorder.Events:N0} events in {receiveSeconds:F1} s = {LatencyRecorder.Events / receiveSeconds:N0} events/s (sustained, publish start to last receipt){(drained ? "" : "  NOT DRAINED")}");
        Console.WriteLine($"publish-to-grain latency: p50 {q[0].TotalMilliseconds:F1} ms, p99 {q[1].TotalMilliseconds:F1} ms, p99.9 {q[2].TotalMilliseconds:F1} ms");
        Console.WriteLine($"AMQP messages published {status.PublishedMessages:N0} ({(double)status.PublishedContainers / Math.Max(1, status.PublishedMessages):F1} containers and {(double)status.PublishedBytes / Math.Max(1, status.PublishedMessages):N0} bytes each)");
        Console.WriteLine($"provider: {status}");
        await cluster.StopAllSilosAsync();
        return drained && Interlocked.Read(ref failed) == 0 ? 0 : 1;

        async Task PublishAsync(IAsyncStream<MarketEvent> stream, MarketEvent[] batch)
        {
            try
            {
                await stream.OnNextBatchAsync(batch);
                Interlocked.Add(ref published, batch.Length);
            }
            catch (Exception)
            {
                Interlocked.Add(ref failed, batch.Length);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    private static Trade Trade(string symbol, long sequence, long publishedTimestamp = 0) =>
        new(symbol, 1_700_000_000_000, publishedTimestamp == 0 ? Stopwatch.GetTimestamp() : publishedTimestamp, 4,
            new TradeId((ulong)sequence, null), 3, 101.25, 100, default, sequence, 0, 0);
}
