using System.ComponentModel.DataAnnotations;
using Scanner.Ticker;

namespace Scanner.Scanners;

/// <summary>
/// Configuration section <c>Scanner</c>: sharding and the pacing of the pipeline ticker -> shard -> feed.
/// <see cref="ShardCount"/> is part of the data contract of persisted shard state: change it only between days.
/// </summary>
public sealed class ScannerOptions : IValidatableObject
{
    public const string Section = "Scanner";

    [Range(1, 4096, ErrorMessage = "Scanner:ShardCount must be between 1 and 4096")]
    public int ShardCount { get; set; } = 8;

    /// <summary>
    /// A ticker reports its changed row (and publishes <c>quote:{SYM}</c>, <c>daily_range:{SYM}</c>) at once,
    /// then at most this often.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "10675199.02:48:05.4775807", ErrorMessage = "Scanner:ReportInterval must be positive")]
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a silo's <see cref="RankingReporter"/> sends each shard the reports gathered since.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "10675199.02:48:05.4775807", ErrorMessage = "Scanner:ShardReportInterval must be positive")]
    public TimeSpan ShardReportInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a shard merges its changed rows into per-scanner top-k lists.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "10675199.02:48:05.4775807", ErrorMessage = "Scanner:ShardMergeInterval must be positive")]
    public TimeSpan ShardMergeInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A scanner feed publishes at most this often, and only when its value changed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "10675199.02:48:05.4775807", ErrorMessage = "Scanner:FeedPublishInterval must be positive")]
    public TimeSpan FeedPublishInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Changed grain state is written behind this often (and on deactivation).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "10675199.02:48:05.4775807", ErrorMessage = "Scanner:PersistInterval must be positive")]
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromSeconds(5);

    public MomentumOptions Momentum { get; set; } = new();

    /// <summary>Throttling of new high / low of day alerts.</summary>
    public RangeAlertOptions RangeAlerts { get; set; } = new();

    /// <summary>The nested options' own rules (DataAnnotations does not descend into them).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Momentum, new ValidationContext(Momentum), results, validateAllProperties: true);
        Validator.TryValidateObject(RangeAlerts, new ValidationContext(RangeAlerts), results, validateAllProperties: true);
        return results;
    }
}
