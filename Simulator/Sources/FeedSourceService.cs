using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scanner.Simulator.Distribution;

namespace Scanner.Simulator.Sources;

/// <summary>Runs the configured source for the life of the server.</summary>
public sealed partial class FeedSourceService(IFeedSource source, FeedBroadcaster broadcaster, ILogger<FeedSourceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Sources do synchronous work before their first await (reading data up to the start); keep it off start-up.
        await Task.Yield();
        try
        {
            await source.RunAsync(broadcaster, stoppingToken);
            LogFinished(logger, source.Name);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The REST side keeps serving; the failure is visible in the log and in /health's stalled counters.
            LogFailed(logger, source.Name, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed source {Source} has no more events")]
    private static partial void LogFinished(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feed source {Source} failed")]
    private static partial void LogFailed(ILogger logger, string source, Exception exception);
}
