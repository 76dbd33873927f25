using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Scanner.ScannerFeeds;
using Scanner.Ticker;

namespace Scanner.Scanners;

/// <summary>
/// Lists the symbols from the ranking shards (they hold every symbol of the day) and asks each ticker for its quote,
/// so each value is exactly what the ticker itself publishes, with its version.
/// </summary>
[StatelessWorker]
public sealed class CurrentQuotesGrain(IOptions<ScannerOptions> options) : Grain, ICurrentQuotesGrain
{
    public async Task<ScannerFeedUpdate[]> GetAll()
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, options.Value.ShardCount)
            .Select(shard => GrainFactory.GetGrain<IRankingShardGrain>(shard).GetRows()));
        var quotes = await Task.WhenAll(shards.SelectMany(rows => rows)
            .Where(row => row.LastEventTimestamp > 0)
            .Select(row => GrainFactory.GetGrain<ITickerGrain>(row.Symbol).GetFeed(ScannerFeedNames.Quote(row.Symbol))));
        return [.. quotes.OfType<ScannerFeedUpdate>()];
    }
}
