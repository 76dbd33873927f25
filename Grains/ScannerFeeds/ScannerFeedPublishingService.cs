using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scanner.ScannerFeeds;

/// <summary>
/// The hosted loops around <see cref="ScannerFeedPublisher"/>: one flushes every <see cref="ScannerFeedPublishingOptions.FlushInterval"/>
/// with one one-way call per gateway, the other refreshes the routes from the registry when its version changes.
/// </summary>
internal sealed partial class ScannerFeedPublishingService(
    ScannerFeedPublisher publisher,
    IGrainFactory grains,
    FanOutMetrics metrics,
    IOptions<ScannerFeedPublishingOptions> options,
    ILogger<ScannerFeedPublishingService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(FlushLoop(stoppingToken), RefreshLoop(stoppingToken));

    private async Task FlushLoop(CancellationToken cancellation)
    {
        var scratch = new List<ScannerFeedUpdate>();
        using var timer = new PeriodicTimer(options.Value.FlushInterval);
        while (await WaitAsync(timer, cancellation))
        {
            publisher.Flush(scratch, Send);
        }
    }

    private void Send(IScannerFeedObserver observer, ScannerFeedUpdate[] batch)
    {
        try
        {
            // One-way: returns as soon as the message is queued, so a slow gateway never holds up the loop.
            _ = observer.OnFeedUpdates(batch);
            metrics.Sent(batch.Length);
        }
        catch (Exception error)
        {
            metrics.Failed();
            LogSendFailed(logger, error);
        }
    }

    private async Task RefreshLoop(CancellationToken cancellation)
    {
        var registry = grains.GetGrain<IScannerFeedGatewayRegistryGrain>(0);
        using var timer = new PeriodicTimer(options.Value.RegistryPollInterval);
        do
        {
            try
            {
                if (await registry.GetGatewaysIfChanged(publisher.Routes.Version) is { } snapshot)
                {
                    publisher.Routes = new ScannerFeedRoutes(snapshot);
                    LogRoutesChanged(logger, snapshot.Gateways.Length, snapshot.Version);
                }
            }
            catch (Exception error) when (!cancellation.IsCancellationRequested)
            {
                metrics.Failed();
                LogRefreshFailed(logger, error);
            }
        }
        while (await WaitAsync(timer, cancellation));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellation)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed routes updated: {Gateways} gateway(s), version {Version}")]
    private static partial void LogRoutesChanged(ILogger logger, int gateways, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the gateway registry; keeping the previous routes")]
    private static partial void LogRefreshFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send a feed batch to a gateway")]
    private static partial void LogSendFailed(ILogger logger, Exception error);
}
