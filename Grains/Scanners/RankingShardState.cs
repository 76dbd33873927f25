namespace Scanner.Scanners;

/// <summary>The persisted rows of a ranking shard: the latest row of each symbol of the trading day <see cref="TradingDay"/>.</summary>
[GenerateSerializer, Alias("scanner.scanners.shardstate")]
public sealed class RankingShardState
{
    [Id(0)] public int TradingDay { get; set; }
    [Id(1)] public Dictionary<string, ScannerRow> Rows { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The shard's <see cref="MarketDayClock"/> offset (ms), so its day ends on the same clock after a reactivation.</summary>
    [Id(2)] public long ClockOffset { get; set; }
}
