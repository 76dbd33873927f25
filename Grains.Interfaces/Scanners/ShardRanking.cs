namespace Scanner.Scanners;

/// <summary>One ranking shard's current top-k rows of one scanner, for one trading day (yyyymmdd).</summary>
[GenerateSerializer, Immutable, Alias("scanner.scanners.shardranking")]
public sealed record ShardRanking(int Shard, int TradingDay, ScannerRow[] Rows);
