using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streaming.RabbitMQ;
using Orleans.TestingHost;
using Scanner.MarketData;
using Scanner.Benchmarks.Results;
using Scanner.Silo.MarketFeed;
using Scanner.Silo.Hosting;
using Scanner.ServiceDefaults.Configuration;

namespace Scanner.Benchmarks.Streaming;

/// <summary>
/// Issue 3's load run (not a BenchmarkDotNet benchmark): the synthetic simulator at a fixed rate (its own process)
/// -> the real feed listener over a loopback WebSocket -> the RabbitMQ stream providers on the real broker -> counting
/// grains, on one silo in this process. Reports, over a window after warm-up, the events/s sent, published and received by the
/// grains, every drop (simulator queue, listener frame buffer, failed publications) and the simulator-to-grain
/// latency of trades and quotes (stamped by the simulator's real-time clock, whose offset is read from its /health,
/// so it also holds the time in the simulator's queue and on the socket: an upper bound of the listener-to-grain
/// latency).
/// <code>dotnet run -c Release --project Tests/Benchmarks -- listener --rabbitmq amqp://guest:guest@127.0.0.1:5672/ [--rate 100000] [--tickers 1000] [--frame 100] [--seconds 30] [--warmup 10] [--queues 8]</code>
/// </summary>
internal static class ListenerLoadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var uri = LoadRunArguments.Text(args, "--rabbitmq") ?? Environment.GetEnvironmentVariable("SCANNER_TEST_RABBITMQ")
            ?? throw new ArgumentException("Give the broker with --rabbitmq amqp://user:pass@host:port/ (or set SCANNER_TEST_RABBITMQ).");
        var rate = LoadRunArguments.Double(args, "--rate", 100_000);
        var tickers = LoadRunArguments.Int(args, "--tickers", 1_000);
        var frameSize = LoadRunArguments.Int(args, "--frame", 100);
        var seconds = LoadRunArguments.Int(args, "--seconds", 30);
        var warmup = LoadRunArguments.Int(args, "--warmup", 10);
        var queues = LoadRunArguments.Int(args, "--queues", RabbitMqStreamOptions.DefaultQueueCount);

        await using var memory = new MemorySampler(TimeSpan.FromSeconds(1));
        var coldStart = Stopwatch.GetTimestamp();
        await using var sim = await SimulatorProcess.StartAsync("bench", tickers, rate, frameSize);
        var host = new ScannerHostOptions { QueuePrefix = $"bench{Guid.NewGuid():N}"[..13], QueueCount = queues };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Feed:Url"] = sim.WebSocketUri.ToString(),
            ["Feed:ApiKey"] = "bench",
        }).Build();

        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddMarketDataRabbitMqStreams(host, new InfrastructureOptions { RabbitMq = uri }).WithCountingConsumerOnly());
        builder.ConfigureSiloHost((_, siloHost) => siloHost.Services.AddFeedListener(configuration));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var silo = cluster.Silos[0].ServiceProvider;
        var metrics = silo.GetRequiredService<MarketFeedMetrics>();
        var listener = silo.GetRequiredService<MarketFeedListenerStatus>();
        var providers = silo.GetRequiredService<RabbitMqStreamStatusBoard>();

        Console.WriteLine($"listener load run: {tickers:N0} synthetic tickers at {rate:N0} events/s in frames of up to {frameSize} events, " +
            $"broker {new Uri(uri).Authority}, {queues} queues per data kind; {warmup} s warm-up, {seconds} s measured");
        if (!await Polling.WaitForAsync(() => listener.Snapshot(metrics.Snapshot()).State == nameof(ListenerState.Streaming), TimeSpan.FromSeconds(60)))
        {
            Console.WriteLine($"the listener never streamed: {listener.Snapshot(metrics.Snapshot()).LastError}");
            return 1;
        }
        var warmupStart = await Sample.TakeAsync(sim, metrics, providers);
        await Task.Delay(TimeSpan.FromSeconds(warmup));

        // From here on, a trade's or quote's latency is the market clock's now minus its timestamp (the clock runs at
        // real speed); other kinds are counted only, as their timestamps are bar or band times.
        var (offset, uncertainty) = await sim.ClockOffsetAsync();
        LatencyRecorder.Reset(50_000_000, e => e is Trade or Quote
            ? Stopwatch.GetTimestamp() - (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + offset - e.Timestamp) * Stopwatch.Frequency / 1000
            : 0);
        var start = await Sample.TakeAsync(sim, metrics, providers);
        var previous = start;
        while (previous.Elapsed(start) < seconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            var now = await Sample.TakeAsync(sim, metrics, providers);
            Console.WriteLine($"  t={now.Elapsed(start),4:F0}s {now.Rates(previous)}");
            previous = now;
        }
        var q = LatencyRecorder.Quantiles(0.5, 0.99, 0.999);
        var end = previous;
        var drops = end.Drops(start);
        Console.WriteLine($"RESULT {end.Rates(start)}; drops: simulator {drops.Simulator:N0} events, listener {drops.Frames:N0} frames shed and {drops.Expired:N0} expired, " +
            $"failed publications {drops.Failed:N0} events; simulator-to-grain latency (±{uncertainty} ms) p50 {q[0].TotalMilliseconds:F0} ms, " +
            $"p99 {q[1].TotalMilliseconds:F0} ms, p99.9 {q[2].TotalMilliseconds:F0} ms; listener publish p50 " +
            $"{end.Feed.PublishLatencyP50Ms:F1} ms p99 {end.Feed.PublishLatencyP99Ms:F1} ms; {end.EventsPerContainer(start):F1} events per stream container, " +
            $"{end.ContainersPerMessage(start):F0} containers per AMQP message; dead-lettered (expired or rejected) {end.Expired - start.Expired:N0} messages");
        var warmupDrops = start.Drops(warmupStart);
        new BenchmarkResult("listener", $"{tickers} tickers at {rate:0} events/s")
        {
            Metrics =
            {
                ["offered_per_s"] = rate,
                ["sent_per_s"] = end.PerSecond(start, s => s.Simulator.EventsSent),
                ["published_per_s"] = end.PerSecond(start, s => s.Feed.PublishedEvents),
                ["events_per_s"] = end.PerSecond(start, s => s.Received),
                ["p50_ms"] = q[0].TotalMilliseconds,
                ["p99_ms"] = q[1].TotalMilliseconds,
                ["publish_p50_ms"] = end.Feed.PublishLatencyP50Ms,
                ["publish_p99_ms"] = end.Feed.PublishLatencyP99Ms,
                ["lost_events"] = drops.Simulator + drops.Failed,
                ["lost_frames"] = drops.Frames + drops.Expired,
                ["peak_rss_mb"] = memory.PeakMegabytes,
            },
            Warmup =
            {
                ["seconds"] = Stopwatch.GetElapsedTime(coldStart).TotalSeconds - end.Elapsed(start),
                ["events_per_s"] = start.PerSecond(warmupStart, s => s.Received),
                ["lost_events"] = warmupDrops.Simulator + warmupDrops.Failed,
                ["lost_frames"] = warmupDrops.Frames + warmupDrops.Expired,
            },
            Series = { ["rss_mb"] = memory.Samples },
        }.Emit();
        await cluster.StopAllSilosAsync();
        return drops.Simulator + drops.Frames + drops.Expired + drops.Failed == 0 ? 0 : 1;
    }

    /// <summary>The counters of the three parts at one instant.</summary>
    private sealed record Sample(
        long Timestamp, SimulatorProcess.Stats Simulator, FeedCountersSnapshot Feed, long Received,
        long Messages, long Containers, long Events, long Expired)
    {
        public static async Task<Sample> TakeAsync(SimulatorProcess sim, MarketFeedMetrics metrics, RabbitMqStreamStatusBoard providers)
        {
            var simulator = await sim.StatsAsync();
            var all = providers.All;
            return new(Stopwatch.GetTimestamp(), simulator, metrics.Snapshot(), LatencyRecorder.Events,
                all.Sum(p => p.PublishedMessages), all.Sum(p => p.PublishedContainers), all.Sum(p => p.PublishedEvents),
                all.Sum(p => p.DeadLetteredTotal));
        }

        public double EventsPerContainer(Sample since) => (double)(Events - since.Events) / Math.Max(1, Containers - since.Containers);

        public double ContainersPerMessage(Sample since) => (double)(Containers - since.Containers) / Math.Max(1, Messages - since.Messages);

        public double Elapsed(Sample since) => Stopwatch.GetElapsedTime(since.Timestamp, Timestamp).TotalSeconds;

        public double PerSecond(Sample since, Func<Sample, long> counter) => (counter(this) - counter(since)) / Elapsed(since);

        public string Rates(Sample since) =>
            $"sent {PerSecond(since, s => s.Simulator.EventsSent),9:N0}/s  " +
            $"published {PerSecond(since, s => s.Feed.PublishedEvents),9:N0}/s  " +
            $"received by grains {PerSecond(since, s => s.Received),9:N0}/s";

        public (long Simulator, long Frames, long Expired, long Failed) Drops(Sample since) => (
            Simulator.EventsDropped - since.Simulator.EventsDropped,
            Feed.DroppedFrames - since.Feed.DroppedFrames,
            Feed.ExpiredFrames - since.Feed.ExpiredFrames,
            Feed.PublishFailedEvents - since.Feed.PublishFailedEvents);
    }
}
