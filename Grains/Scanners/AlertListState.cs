namespace Scanner.Scanners;

/// <summary>The persisted alerts of an alert feed, oldest first.</summary>
[GenerateSerializer, Alias("scanner.scanners.alertstate")]
public sealed class AlertListState
{
    [Id(0)] public List<ScannerAlert> Alerts { get; set; } = [];

    /// <summary>The feed's <see cref="MarketDayClock"/> offset (ms), so its day ends on the same clock after a reactivation.</summary>
    [Id(1)] public long ClockOffset { get; set; }
}
