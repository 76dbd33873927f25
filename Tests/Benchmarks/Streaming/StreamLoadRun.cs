using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Orleans.TestingHost;
using Scanner.Benchmarks.Results;
using Scanner.MarketData;

namespace Scanner.Benchmarks.Streaming;

/// <summary>
/// The stream providers side by side (not a BenchmarkDotNet benchmark): a 1-silo in-process cluster whose "trades"
/// provider is ours on the real RabbitMQ, Orleans' NATS JetStream provider on a real <c>nats-server</c>, or Orleans'
/// memory streams (the in-process ceiling), all registered alike (<see cref="ProviderUnderTest"/>). Producers push
/// per-symbol trade batches into counting grains with a bounded number of publishes outstanding (or at an offered
/// rate). Reports events/s sustained (publish start to last receipt), publish-to-grain latency, and CPU seconds per
/// million events of this process plus the broker's. One provider per run: <c>scripts/bench.sh providers</c> starts
/// each in a process of its own, so every run starts cold.
/// <code>dotnet run -c Release --project Tests/Benchmarks -- streams [--provider rabbitmq|nats|memory] [--rabbitmq URI]
/// [--nats URI] [--seconds 20] [--symbols 2000] [--batch 5] [--window 2048] [--rate 0] [--queues 8]</code>
/// Without <c>--nats</c> the nats run starts its own server; the RabbitMQ broker comes from <c>--rabbitmq</c> or
/// <c>SCANNER_TEST_RABBITMQ</c>, its process from <c>SCANNER_INFRA_DIR</c> (for its CPU time).
/// </summary>
internal static class StreamLoadRun
{
    private const string Name = MarketDataStreams.Trades;

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = LoadRunArguments.Text(args, "--provider") ?? ProviderUnderTest.RabbitMq;
        var seconds = LoadRunArguments.Double(args, "--seconds", 20);
        var symbolCount = LoadRunArguments.Int(args, "--symbols", 2000);
        var batchSize = LoadRunArguments.Int(args, "--batch", 5);
        var window = LoadRunArguments.Int(args, "--window", 2048);
        var offered = LoadRunArguments.Double(args, "--rate", 0);
        var queues = LoadRunArguments.Int(args, "--queues", 8);
        var prefix = $"bench{Guid.NewGuid():N}"[..13];

        await using var broker = await ProviderBroker.StartAsync(provider, args, Name, queues);
        await using var memory = new MemorySampler(TimeSpan.FromSeconds(1));
        var coldStart = Stopwatch.GetTimestamp();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            ProviderUnderTest.Add(silo, provider, Name, queues, broker.Uri, prefix);
            silo.WithCountingConsumerOnly();
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var client = cluster.Silos[0].ServiceProvider.GetRequiredService<IClusterClient>().GetStreamProvider(Name);
        var symbols = Enumerable.Range(0, symbolCount).Select(i => $"S{i:D5}").ToArray();
        var streams = symbols.Select(s => client.GetStream<MarketEvent>(StreamId.Create(Name, s))).ToArray();

        Console.WriteLine($"streams load run: provider {provider}{(broker.Uri is { } uri ? $" at {uri.Authority}" : "")}, {symbolCount} symbols, " +
            $"{batchSize} trades per batch, {window} publishes outstanding, {(offered > 0 ? $"offered {offered:N0} events/s" : "as fast as confirmed")}, {seconds} s");
        // Warm-up, reported apart: the silo and provider start, then every consumer grain activates.
        await Task.WhenAll(streams.Select((s, i) => s.OnNextAsync(Trade(symbols[i], 0))));
        var warmedUp = await Polling.WaitForAsync(() => LatencyRecorder.Events >= symbolCount, TimeSpan.FromSeconds(120));
        var warmupSeconds = Stopwatch.GetElapsedTime(coldStart).TotalSeconds;
        LatencyRecorder.Reset(50_000_000, static e => e.RawTimestamp);

        var published = 0L;
        var failed = 0L;
        using var gate = new SemaphoreSlim(window);
        var cpu = new ProcessCpu([Environment.ProcessId, .. broker.ProcessIds]);
        var brokerCpu = new ProcessCpu(broker.ProcessIds);
        var (cpuStart, brokerCpuStart) = (cpu.Seconds(), brokerCpu.Seconds());
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(seconds * Stopwatch.Frequency);
        var sequence = 0L;
        for (var i = 0; Stopwatch.GetTimestamp() < end; i = (i + 1) % symbolCount)
        {
            if (offered > 0)
            {
                await PaceAsync(start, sequence, offered);
            }
            await gate.WaitAsync();
            var now = Stopwatch.GetTimestamp();
            var batch = new MarketEvent[batchSize];
            for (var k = 0; k < batchSize; k++) batch[k] = Trade(symbols[i], ++sequence, now);
            _ = PublishAsync(streams[i], batch);
        }
        for (var k = 0; k < window; k++) await gate.WaitAsync();
        var publishSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

        var expected = Interlocked.Read(ref published);
        // A provider that cannot keep up is given twice the run (at least 15 s) to deliver the rest, then counted as lost.
        var drained = await Polling.WaitForAsync(() => LatencyRecorder.Events >= expected, TimeSpan.FromSeconds(Math.Max(15, 2 * seconds)));
        var received = LatencyRecorder.Events;
        var receiveSeconds = Stopwatch.GetElapsedTime(start, LatencyRecorder.LastReceiptTimestamp).TotalSeconds;
        var (cpuSeconds, brokerSeconds) = (cpu.Seconds() - cpuStart, brokerCpu.Seconds() - brokerCpuStart);
        var q = LatencyRecorder.Quantiles(0.5, 0.99, 0.999);

        Console.WriteLine($"published (confirmed): {expected:N0} events in {publishSeconds:F1} s = {expected / publishSeconds:N0} events/s; failed publishes {Interlocked.Read(ref failed):N0} events");
        Console.WriteLine($"received by grains:    {received:N0} events in {receiveSeconds:F1} s = {received / receiveSeconds:N0} events/s (sustained, publish start to last receipt){(drained ? "" : "  NOT DRAINED")}");
        Console.WriteLine($"publish-to-grain latency: p50 {q[0].TotalMilliseconds:F1} ms, p99 {q[1].TotalMilliseconds:F1} ms, p99.9 {q[2].TotalMilliseconds:F1} ms");
        Console.WriteLine($"CPU: {cpuSeconds * 1e6 / Math.Max(1, received):F1} s per million events ({brokerSeconds * 1e6 / Math.Max(1, received):F1} of them the broker's); warm-up {warmupSeconds:F1} s");
        new BenchmarkResult("providers", provider)
        {
            Metrics =
            {
                ["events_per_s"] = received / receiveSeconds,
                ["published_per_s"] = expected / publishSeconds,
                ["offered_per_s"] = offered,
                ["p50_ms"] = q[0].TotalMilliseconds,
                ["p99_ms"] = q[1].TotalMilliseconds,
                ["p999_ms"] = q[2].TotalMilliseconds,
                ["cpu_s_per_million"] = cpuSeconds * 1e6 / Math.Max(1, received),
                ["broker_cpu_s_per_million"] = brokerSeconds * 1e6 / Math.Max(1, received),
                ["failed_events"] = Interlocked.Read(ref failed),
                ["lost_events"] = expected - received,
                ["peak_rss_mb"] = memory.PeakMegabytes,
            },
            Warmup = { ["seconds"] = warmupSeconds, ["consumers_activated"] = warmedUp ? 1 : 0 },
            Series = { ["rss_mb"] = memory.Samples },
        }.Emit();
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

    /// <summary>Waits until <paramref name="sent"/> events are due at <paramref name="rate"/> events/s since <paramref name="start"/>.</summary>
    private static async Task PaceAsync(long start, long sent, double rate)
    {
        var due = start + (long)(sent / rate * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < due)
        {
            await Task.Delay(1);
        }
    }

    private static Trade Trade(string symbol, long sequence, long publishedTimestamp = 0) =>
        new(symbol, 1_700_000_000_000, publishedTimestamp == 0 ? Stopwatch.GetTimestamp() : publishedTimestamp, 4,
            new TradeId((ulong)sequence, null), 3, 101.25, 100, default, sequence, 0, 0);
}
