using System.Globalization;
using System.Text.Json;
using Scanner.Tests.Support.Launcher;

namespace Scanner.Tests.Integration.Soak;

/// <summary>Reads one <see cref="SoakSample"/> from the running processes, the broker and the client's latencies.</summary>
public sealed class SoakProbe(ScannerSystem system, UpdateLatencyRecorder client) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    private long _feedLoss;
    private long _gatewayDrops;

    private LaunchedProcess Silo => system.Silo(0);

    private LaunchedProcess Gateway => system.Processes.Single(p => p.Definition.Project == "Gateway");

    public async Task<SoakSample> SampleAsync(TimeSpan at)
    {
        // rabbitmqctl starts an Erlang VM (seconds): everything else is read meanwhile.
        var queues = RabbitMqBroker.QueueDepthsAsync(system.Layout.ClusterId);
        var siloHeap = HeapMiBAsync(Silo.Definition.Health);
        var gatewayHeap = HeapMiBAsync(Gateway.Definition.Health);
        using var siloHealth = await JsonAsync(Silo.Definition.Health);
        using var gatewayHealth = await JsonAsync(Gateway.Definition.Health);
        var counters = siloHealth.RootElement.GetProperty("listener").GetProperty("counters");
        var (updates, p50, p99) = client.TakeWindow();
        var gw = gatewayHealth.RootElement;
        var feedLoss = counters.GetProperty("droppedFrames").GetInt64() + counters.GetProperty("expiredFrames").GetInt64()
            + counters.GetProperty("skippedMessages").GetInt64() + counters.GetProperty("publishFailedEvents").GetInt64();
        var gatewayDrops = gw.GetProperty("dropped_stale").GetInt64() + gw.GetProperty("slow_clients_closed").GetInt64();
        var (ready, unacknowledged) = await queues;
        var sample = new SoakSample(
            at,
            RssMiB(Silo.Id), await siloHeap, RssMiB(Gateway.Id), await gatewayHeap,
            ready, unacknowledged,
            counters.GetProperty("bufferDepth").GetInt64(), counters.GetProperty("heldEvents").GetInt64(), counters.GetProperty("publishedEvents").GetInt64(),
            feedLoss - _feedLoss, gatewayDrops - _gatewayDrops, updates, p50, p99);
        (_feedLoss, _gatewayDrops) = (feedLoss, gatewayDrops);
        return sample;
    }

    /// <summary>
    /// Frames the simulator sent that the silo's listener neither parsed nor counted as shed, expired or skipped:
    /// lost silently. Exact once the simulator is paused and the listener has caught up (subscription acks, frames
    /// the simulator does not count, are taken out).
    /// </summary>
    public async Task<long> UnaccountedFramesAsync()
    {
        using var simulator = await JsonAsync(new Uri(system.SimulatorUri, "/health"));
        using var siloHealth = await JsonAsync(Silo.Definition.Health);
        var counters = siloHealth.RootElement.GetProperty("listener").GetProperty("counters");
        var parse = counters.GetProperty("parse");
        var accounted = parse.GetProperty("frames").GetInt64() - parse.GetProperty("statuses").GetInt64()
            + counters.GetProperty("droppedFrames").GetInt64() + counters.GetProperty("expiredFrames").GetInt64() + counters.GetProperty("skippedMessages").GetInt64();
        return simulator.RootElement.GetProperty("framesSent").GetInt64() - accounted;
    }

    /// <summary>Stops the simulator's market clock: no more events.</summary>
    public async Task PauseMarketAsync() => (await _http.PostAsync(new Uri(system.SimulatorUri, "/control/pause"), null)).EnsureSuccessStatusCode();

    /// <summary>Resident memory of a process, from /proc (Linux).</summary>
    private static double RssMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>The GC heap after the last collection, summed over generations, from the process's Prometheus metrics.</summary>
    private async Task<double> HeapMiBAsync(Uri health)
    {
        var metrics = await _http.GetStringAsync(new Uri(health, "/metrics"));
        var bytes = metrics.Split('\n')
            .Where(l => l.StartsWith("dotnet_gc_last_collection_heap_size_bytes", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
        return bytes > 0 ? bytes / (1024 * 1024) : -1;
    }

    /// <summary>A /health body, whatever its status code (503 still describes the process).</summary>
    private async Task<JsonDocument> JsonAsync(Uri uri)
    {
        using var response = await _http.GetAsync(uri);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _http.Dispose();
}
