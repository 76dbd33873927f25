using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Scanner.Benchmarks.Results;
using Scanner.ScannerFeeds;
using Scanner.Gateway.Backend;
using Scanner.Gateway.Health;
using Scanner.Gateway.Hosting;

namespace Scanner.Benchmarks.Gateway;

/// <summary>
/// End-to-end fan-out load: N WebSocket clients on loopback, each on 3 scanner lists and 5 quotes, while updates
/// are pushed through a fake backend at a steady rate; then the same with stalled clients added. Reports frames/s
/// delivered to healthy clients and their p50/p99 publish-to-client latency. The default rate offers 240,000
/// messages/s (1,000 clients × 8 feeds × 30/s), above the 200,000 target, so the target can be seen met or missed.
/// Usage: <c>dotnet run -c Release --project Tests/Benchmarks -- gateway [--clients 1000] [--rate 30] [--symbols 50]
/// [--stalled 10] [--seconds 8] [--warmup 5]</c>.
/// </summary>
internal static class GatewayLoadRun
{
    private static readonly string[] Lists = [ScannerFeedNames.TopGainers, ScannerFeedNames.TopGappers, ScannerFeedNames.TopVolume];

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = LoadRunArguments.Int(args, "--clients", 1000);
        var rate = LoadRunArguments.Int(args, "--rate", 30);
        var symbols = LoadRunArguments.Int(args, "--symbols", 50);
        var stalledCount = LoadRunArguments.Int(args, "--stalled", 10);
        var seconds = LoadRunArguments.Double(args, "--seconds", 8);
        var warmup = LoadRunArguments.Double(args, "--warmup", 5);

        var backend = new LoadBackend();
        await using var app = GatewayApp.Build(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning",
             // Stalled clients must stay stalled for the whole phase rather than be closed mid-run.
             "--Gateway:StallTimeout=00:05:00",
             // Every load client comes from loopback: one address beyond the default per-address cap.
             $"--Gateway:MaxConnectionsPerAddress={clients + stalledCount}"],
            builder => builder.Services.AddSingleton<IScannerFeedBackend>(backend));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var ws = new Uri($"ws://{address.Authority}/ws");
        var metrics = app.Services.GetRequiredService<GatewayMetrics>();
        using var stop = new CancellationTokenSource();

        Console.WriteLine($"gateway load: {clients} clients x ({Lists.Length} lists + 5 quotes of {symbols} symbols), {rate} updates/s per feed, {Environment.ProcessorCount} cores");
        var healthy = await ConnectAsync(ws, clients, symbols, stalled: false, stop.Token);
        var publisher = PublishLoop(backend, rate, symbols, stop.Token);
        // Warm-up: let tiered compilation settle before the first measurement.
        var warmupPhase = await MeasureAsync(healthy, warmup);

        var alone = Report("healthy only", await MeasureAsync(healthy, seconds));
        var stalled = await ConnectAsync(ws, stalledCount, symbols, stalled: true, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var withStalled = Report($"with {stalledCount} stalled", await MeasureAsync(healthy, seconds));
        Console.WriteLine($"gateway counters: sent {metrics.MessagesSent}, dropped stale {metrics.DroppedStale}, slow closed {metrics.SlowClientsClosed}, feed updates {metrics.FeedUpdates}");
        new BenchmarkResult("gateway", $"{clients} clients, {stalledCount} stalled")
        {
            Metrics =
            {
                ["messages_per_s"] = alone.PerSecond,
                ["p50_ms"] = alone.P50,
                ["p99_ms"] = alone.P99,
                ["stalled_messages_per_s"] = withStalled.PerSecond,
                ["stalled_p99_ms"] = withStalled.P99,
                ["stalled_p99_ratio"] = withStalled.P99 / alone.P99,
            },
            Warmup = { ["seconds"] = warmup, ["messages_per_s"] = warmupPhase.PerSecond },
        }.Emit();

        await stop.CancelAsync();
        await publisher;
        foreach (var client in healthy.Concat(stalled))
        {
            await client.DisposeAsync();
        }
        await app.StopAsync();
        return 0;
    }

    private static async Task<List<LoadClient>> ConnectAsync(Uri ws, int count, int symbols, bool stalled, CancellationToken cancellation)
    {
        var connected = new LoadClient[count];
        for (var start = 0; start < count; start += 50)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(50, count - start)).Select(async i =>
            {
                var quotes = Enumerable.Range(0, 5).Select(k => ScannerFeedNames.Quote($"S{(i * 5 + k) % symbols}"));
                connected[i] = await LoadClient.ConnectAsync(ws, Lists.Concat(quotes), stalled, cancellation);
            }));
        }
        return [.. connected];
    }

    /// <summary>Pushes one batch with every feed <paramref name="rate"/> times a second, stamped with the Stopwatch time.</summary>
    private static async Task PublishLoop(LoadBackend backend, int rate, int symbols, CancellationToken cancellation)
    {
        var feeds = Lists.Concat(Enumerable.Range(0, symbols).Select(s => ScannerFeedNames.Quote($"S{s}"))).ToArray();
        var listPadding = new string('r', 1024);
        var quotePadding = new string('q', 256);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
        var version = 0L;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellation))
            {
                version++;
                var batch = new ScannerFeedUpdate[feeds.Length];
                for (var i = 0; i < feeds.Length; i++)
                {
                    var padding = i < Lists.Length ? listPadding : quotePadding;
                    var payload = Encoding.UTF8.GetBytes($$"""{"t":{{Stopwatch.GetTimestamp()}},"pad":"{{padding}}"}""");
                    batch[i] = new ScannerFeedUpdate(feeds[i], payload, version, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                }
                backend.Push(batch);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<(double PerSecond, long[] Latencies)> MeasureAsync(List<LoadClient> clients, double seconds)
    {
        var before = clients.Sum(c => c.Received);
        foreach (var client in clients)
        {
            client.StartRecording();
        }
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var received = clients.Sum(c => c.Received) - before;
        var elapsed = clock.Elapsed.TotalSeconds;
        var latencies = clients.SelectMany(c => c.StopRecording()).ToArray();
        Array.Sort(latencies);
        return (received / elapsed, latencies);
    }

    private static (double PerSecond, double P50, double P99) Report(string phase, (double PerSecond, long[] Latencies) result)
    {
        double Ms(double quantile) => result.Latencies.Length == 0
            ? double.NaN
            : result.Latencies[(int)Math.Min(result.Latencies.Length - 1, quantile * result.Latencies.Length)] * 1000.0 / Stopwatch.Frequency;
        Console.WriteLine($"{phase,-18} delivered {result.PerSecond,10:N0} msg/s   latency p50 {Ms(0.50),7:N2} ms   p99 {Ms(0.99),7:N2} ms   max {Ms(1.0),7:N2} ms   ({result.Latencies.Length:N0} samples)");
        return (result.PerSecond, Ms(0.50), Ms(0.99));
    }
}
