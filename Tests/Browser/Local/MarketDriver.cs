using System.Text;
using Scanner.ScannerFeeds;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Browser.Local;

/// <summary>
/// Feeds the gateway's fake backend from a <see cref="PageTestMarket"/> as the silos would: per-symbol feeds
/// (quotes, daily ranges, trades) on every 200 ms tick, the scanner and alert lists and the charts once a second (a
/// chart publishes at most once a second, as the contract says). Starts once a gateway
/// runs on the backend; while that gateway restarts, pushes reach the stopped one and the values stay current.
/// </summary>
internal sealed class MarketDriver : IAsyncDisposable
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(200);
    private const int TicksPerListPublish = 5;

    private readonly PageTestMarket _market;
    private readonly FakeScannerFeedBackend _backend;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _ticking;
    private long _version;

    public MarketDriver(PageTestMarket market, FakeScannerFeedBackend backend)
    {
        _market = market;
        _backend = backend;
        Publish(lists: true);
        _ticking = TickAsync();
    }

    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(TickInterval);
        try
        {
            for (var tick = 1L; await timer.WaitForNextTickAsync(_stop.Token); tick++)
            {
                _market.Tick();
                Publish(lists: tick % TicksPerListPublish == 0);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Publish(bool lists)
    {
        var version = ++_version;
        var publishedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var updates = _market.Feeds
            .Where(feed => lists || !(ScannerFeedNames.IsList(feed.Key) || feed.Key.StartsWith("chart:", StringComparison.Ordinal)))
            .Select(feed => new ScannerFeedUpdate(feed.Key, Encoding.UTF8.GetBytes(feed.Value), version, publishedAt))
            .ToArray();
        _backend.Push(updates);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _ticking;
        _stop.Dispose();
    }
}
