using Scanner.Ticker;

namespace Scanner.Scanners;

/// <summary>
/// Configuration section <c>Scanner</c>: sharding and the pacing of the pipeline ticker -> shard -> feed.
/// <see cref="ShardCount"/> is part of the data contract of persisted shard state: change it only between days.
/// </summary>
public sealed class ScannerOptions
{
    public const string Section = "Scanner";

    public int ShardCount { get; set; } = 8;

    /// <summary>
    /// A ticker reports its changed row (and publishes <c>quote:{SYM}</c>, <c>daily_range:{SYM}</c>) at once,
    /// then at most this often.
    /// </summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a silo's <see cref="RankingReporter"/> sends each shard the reports gathered since.</summary>
    public TimeSpan ShardReportInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a shard merges its changed rows into per-scanner top-k lists.</summary>
    public TimeSpan ShardMergeInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A scanner feed publishes at most this often, and only when its value changed.</summary>
    public TimeSpan FeedPublishInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Changed grain state is written behind this often (and on deactivation).</summary>
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromSeconds(5);

    public MomentumOptions Momentum { get; set; } = new();
}
