using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scanner.Scanners;

/// <summary>
/// The silo's way from ticker grains to ranking shards: tickers hand their reports over in memory (no grain call),
/// and every <see cref="ScannerOptions.ShardReportInterval"/> each shard gets one call with the reports of its
/// symbols gathered in this silo (one per symbol, the newest row). Ten thousand tickers cost a few dozen shard calls
/// a second instead of tens of thousands. A failed call's reports go out with the next one; on shutdown the
/// reporter sends what it still holds.
/// </summary>
public sealed partial class RankingReporter(IGrainFactory grains, IOptions<ScannerOptions> options, ILogger<RankingReporter> logger)
    : BackgroundService
{
    private readonly ScannerOptions _options = options.Value;
    private readonly ShardReportBuffer[] _buffers = [.. Enumerable.Range(0, options.Value.ShardCount).Select(_ => new ShardReportBuffer())];

    /// <summary>Queues a ticker's report for its shard's next call.</summary>
    public void Submit(ShardReport report) =>
        _buffers[RankingShards.ShardOf(report.Row.Symbol, _options.ShardCount)].Add(report);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.ShardReportInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SendAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await SendAsync();
    }

    private Task SendAsync() => Task.WhenAll(_buffers.Select(SendShardAsync));

    private async Task SendShardAsync(ShardReportBuffer buffer, int shard)
    {
        var reports = buffer.Drain();
        if (reports.Length == 0)
        {
            return;
        }
        try
        {
            await grains.GetGrain<IRankingShardGrain>(shard).Report(reports);
            Ticker.TickerMetrics.ShardCalls.Add(1);
        }
        catch (Exception ex)
        {
            buffer.Return(reports);
            LogReportFailed(logger, ex, shard, reports.Length);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting {Count} rows to ranking shard {Shard} failed; they go out with the next call")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, int shard, int count);
}
