using System.Text.Json;
using Scanner.Tests.Support.Gateway;
using Scanner.Tests.Support.Measuring;

namespace Scanner.Tests.Integration.Soak;

/// <summary>
/// A page's socket on the gateway, subscribed to the rankings: reads every update and records its latency from the
/// silo's publication (<c>published_at</c>) to receipt, per window between two <see cref="TakeWindow"/> calls.
/// </summary>
public sealed class UpdateLatencyRecorder : IAsyncDisposable
{
    private readonly GatewayTestClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Task _reading;
    private LatencyHistogram _window = new();

    private UpdateLatencyRecorder(GatewayTestClient client)
    {
        _client = client;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Updates received in all (a stopped stream shows as a window without any).</summary>
    public long Updates { get; private set; }

    /// <summary>Why reading stopped before the end, if it did.</summary>
    public Exception? Failure { get; private set; }

    public static async Task<UpdateLatencyRecorder> StartAsync(Uri gateway, string user, string password, IEnumerable<string> feeds)
    {
        var client = await GatewayTestClient.LogInAndConnectAsync(gateway, user, password);
        await client.SubscribeAsync(feeds);
        return new UpdateLatencyRecorder(client);
    }

    /// <summary>Updates, p50 and p99 (ms) since the previous call.</summary>
    public (long Updates, long P50, long P99) TakeWindow()
    {
        lock (_gate)
        {
            var window = _window;
            _window = new LatencyHistogram();
            return window.Count == 0 ? (0, -1, -1) : (window.Count, window.Quantile(0.5), window.Quantile(0.99));
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            while (await _client.ReceiveAsync(Timeout.InfiniteTimeSpan, _stop.Token) is { } frame)
            {
                var received = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                if (frame.TryGetProperty("published_at", out var published) && published.ValueKind == JsonValueKind.Number)
                {
                    lock (_gate)
                    {
                        _window.Record(received - published.GetInt64());
                        Updates++;
                    }
                }
            }
            Failure = new InvalidOperationException("the gateway closed the client's socket");
        }
        catch (Exception ex) when (!_stop.IsCancellationRequested)
        {
            Failure = ex;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading.ContinueWith(static _ => { }, TaskScheduler.Default);
        await _client.DisposeAsync();
        _stop.Dispose();
    }
}
