using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Scanner.Tests.Support.Measuring;

namespace Scanner.Tests.Support.Gateway;

/// <summary>
/// Reads every frame a gateway client receives, in the background, into the client's own <see cref="RowRegressionWatch"/>
/// (for a reconnection, one started <see cref="RowRegressionWatch.After"/> the ended connections' watches), and keeps the
/// newest data of each feed and when any update came.
/// <see cref="Ended"/> completes when the connection ends (closed or broken), as a page would notice.
/// </summary>
public sealed class FeedWatcher : IAsyncDisposable
{
    private readonly GatewayTestClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, JsonElement> _latest = new(StringComparer.Ordinal);
    private long _lastUpdate;

    private FeedWatcher(GatewayTestClient client, RowRegressionWatch watch)
    {
        _client = client;
        Watch = watch;
        Ended = Task.Run(ReadAsync);
    }

    public RowRegressionWatch Watch { get; }

    public Task Ended { get; }

    /// <summary>Logs in, subscribes to <paramref name="feeds"/> and starts reading.</summary>
    public static async Task<FeedWatcher> StartAsync(Uri gateway, IEnumerable<string> feeds, RowRegressionWatch watch)
    {
        var client = await GatewayTestClient.LogInAndConnectAsync(gateway, Launcher.TestSystem.User, Launcher.TestSystem.Password);
        foreach (var feed in feeds)
        {
            await client.SendAsync(new { action = "subscribe", feed });
        }
        return new FeedWatcher(client, watch);
    }

    /// <summary>The newest data of <paramref name="feed"/>, if any came.</summary>
    public JsonElement? Latest(string feed)
    {
        lock (_lock) return _latest.TryGetValue(feed, out var data) ? data : null;
    }

    /// <summary>Stopwatch timestamp of the newest update of any feed (0 before the first).</summary>
    public long LastUpdate => Interlocked.Read(ref _lastUpdate);

    private async Task ReadAsync()
    {
        try
        {
            while (await _client.ReceiveAsync(Timeout.InfiniteTimeSpan, _stop.Token) is { } frame)
            {
                if (frame.Str("feed") is { } feed && frame.TryGetProperty("data", out var data))
                {
                    Watch.Observe(feed, data);
                    lock (_lock) _latest[feed] = data;
                    Interlocked.Exchange(ref _lastUpdate, Stopwatch.GetTimestamp());
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The connection broke (a killed gateway) or the test stopped reading.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Ended;
        await _client.DisposeAsync();
        _stop.Dispose();
    }
}
