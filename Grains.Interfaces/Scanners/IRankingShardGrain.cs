namespace Scanner.Scanners;

/// <summary>
/// One shard of the rankings (key = shard index; a symbol's shard is <c>RankingShards.ShardOf</c>): keeps the
/// latest row of each of its symbols and forwards its top-k per scanner, and the alerts, to the scanner feeds.
/// The reads interleave: a scanner feed activating pulls from a shard that may be busy pushing to it.
/// </summary>
public interface IRankingShardGrain : IGrainWithIntegerKey
{
    /// <summary>The reports of the shard's tickers gathered by one silo since its previous call.</summary>
    Task Report(ShardReport[] reports);

    /// <summary>This shard's current top-k of the ranking feed <paramref name="feed"/>.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<ShardRanking> GetTop(string feed);

    /// <summary>Every row this shard holds (the symbols of the day for <see cref="ICurrentQuotesGrain"/>; tests).</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<ScannerRow[]> GetRows();

    /// <summary>The row held for <paramref name="symbol"/>: the floor of a ticker reactivated from older state.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<ScannerRow?> GetRow(string symbol);
}
