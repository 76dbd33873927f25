namespace Scanner.Scanners;

/// <summary>
/// A ticker's latest row and the alerts it raised since its previous report. <see cref="Version"/> increases with
/// every report of the symbol, across activations and silos, so a shard keeps the newest row when reports of one
/// symbol arrive from two silos out of order (a grain that moved).
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.scanners.shardreport")]
public sealed record ShardReport(ScannerRow Row, ScannerAlert[] Alerts, long Version);
