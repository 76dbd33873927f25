using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace Scanner.Tests.Support.Gateway;

/// <summary>
/// A well-behaved client beside an attack: it subscribes to a feed of its own that a publisher updates every
/// <see cref="Interval"/> with the send time in the payload, and times every update from publication to receipt.
/// <see cref="MeasureAsync"/> measures a phase (a baseline, then the attack) and ends it only once an update published
/// after the phase reached the client, so a test asserts that the client kept being served, never a latency bound.
/// </summary>
public sealed class HealthyClientProbe : IAsyncDisposable
{
    public const string Feed = "quote:HEALTHY";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    private readonly GatewayTestClient _client;
    private readonly FakeScannerFeedBackend _backend;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private List<double> _window = [];
    private long _published;
    private long _received;
    private Task _publisher = Task.CompletedTask;
    private Task _reader = Task.CompletedTask;

    private HealthyClientProbe(GatewayTestClient client, FakeScannerFeedBackend backend)
    {
        _client = client;
        _backend = backend;
    }

    /// <summary>Subscribes <paramref name="client"/> (connected, authorized) and starts publishing to it.</summary>
    public static async Task<HealthyClientProbe> StartAsync(GatewayTestClient client, FakeScannerFeedBackend backend)
    {
        if (!(await client.RequestAsync($$"""{"action":"subscribe","feed":"{{Feed}}"}""")).IsStatus("subscribed"))
        {
            throw new InvalidOperationException("the healthy client could not subscribe");
        }
        var probe = new HealthyClientProbe(client, backend);
        probe._reader = Task.Run(probe.ReadAsync);
        probe._publisher = Task.Run(probe.PublishAsync);
        return probe;
    }

    /// <summary>The latencies of the updates received while <paramref name="phase"/> ran.</summary>
    public async Task<Latencies> MeasureAsync(Func<Task> phase)
    {
        lock (_gate)
        {
            _window = [];
        }
        await phase();
        var last = Volatile.Read(ref _published);
        await Polling.UntilAsync(() => Volatile.Read(ref _received) >= last || _reader.IsCompleted,
            () => $"the healthy client got version {Volatile.Read(ref _received)} of {last}");
        if (_reader.IsCompleted)
        {
            await _reader; // surfaces why the healthy client stopped reading
            throw new InvalidOperationException($"the gateway closed the healthy client ({_client.CloseStatus})");
        }
        lock (_gate)
        {
            return Latencies.Of(_window);
        }
    }

    private async Task PublishAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
        {
            var update = _backend.Publish(Feed, $$"""{"sent":{{Stopwatch.GetTimestamp()}}}""");
            Volatile.Write(ref _published, update.Version);
        }
    }

    private async Task ReadAsync()
    {
        while (await _client.ReceiveFrameAsync(_stopping.Token).ConfigureAwait(false) is { } frame)
        {
            using var document = JsonDocument.Parse(frame);
            var update = document.RootElement;
            if (update.Str("feed") != Feed)
            {
                continue;
            }
            var latency = Stopwatch.GetElapsedTime(update.GetProperty("data").GetProperty("sent").GetInt64()).TotalMilliseconds;
            lock (_gate)
            {
                _window.Add(latency);
            }
            Volatile.Write(ref _received, update.GetProperty("version").GetInt64());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_publisher, _reader);
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
        }
        _stopping.Dispose();
    }

    /// <summary>A phase's update latencies (milliseconds, publication to receipt).</summary>
    public sealed record Latencies(int Count, double P50, double P99)
    {
        public static Latencies Of(List<double> samples)
        {
            var sorted = samples.Order().ToArray();
            return new(sorted.Length, Quantile(sorted, 0.5), Quantile(sorted, 0.99));
        }

        /// <summary>The p99 of <paramref name="attack"/> over this baseline's ("n/a" without a baseline p99).</summary>
        public string RatioOf(Latencies attack) => P99 > 0 ? $"{attack.P99 / P99:0.0}x" : "n/a";

        public override string ToString() => $"p50 {P50:0.0} ms, p99 {P99:0.0} ms ({Count} updates)";

        private static double Quantile(double[] sorted, double q) =>
            sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }
}
