using System.Globalization;
using System.Text.Json;
using Scanner.Tests.Support.Launcher;

namespace Scanner.Tests.Integration.Soak;

/// <summary>Reads one <see cref="SoakSample"/> from the running processes, the broker and the client's latencies.</summary>
public sealed class SoakProbe(ScannerSystem system, UpdateLatencyRecorder client) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    public async Task<SoakSample> SampleAsync(TimeSpan at)
    {
        var silo = system.Silo(0);
        var gateway = system.Processes.Single(p => p.Definition.Project == "Gateway");
        using var siloHealth = await JsonAsync(silo.Definition.Health);
        using var gatewayHealth = await JsonAsync(gateway.Definition.Health);
        var counters = siloHealth.RootElement.GetProperty("listener").GetProperty("counters");
        var (ready, unacknowledged) = await RabbitMqBroker.QueueDepthsAsync(system.Layout.ClusterId);
        var (updates, p50, p99) = client.TakeWindow();
        var gw = gatewayHealth.RootElement;
        return new SoakSample(
            at,
            RssMiB(silo.Id), await HeapMiBAsync(silo.Definition.Health),
            RssMiB(gateway.Id), await HeapMiBAsync(gateway.Definition.Health),
            ready, unacknowledged,
            counters.GetProperty("bufferDepth").GetInt64(), counters.GetProperty("heldEvents").GetInt64(), counters.GetProperty("publishedEvents").GetInt64(),
            counters.GetProperty("droppedFrames").GetInt64() + counters.GetProperty("expiredFrames").GetInt64() + counters.GetProperty("publishFailedEvents").GetInt64(),
            gw.GetProperty("dropped_stale").GetInt64() + gw.GetProperty("slow_clients_closed").GetInt64(),
            updates, p50, p99);
    }

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
