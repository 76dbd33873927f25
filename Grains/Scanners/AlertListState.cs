namespace Scanner.Scanners;

/// <summary>The persisted alerts of an alert feed, oldest first.</summary>
[GenerateSerializer, Alias("scanner.scanners.alertstate")]
public sealed class AlertListState
{
    [Id(0)] public List<ScannerAlert> Alerts { get; set; } = [];
}
