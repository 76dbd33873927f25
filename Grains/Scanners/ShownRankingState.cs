namespace Scanner.Scanners;

/// <summary>
/// The rows of a ranking feed's latest publication (what clients may be showing), written before it is published,
/// so that a new activation of the feed grain never publishes older rows (<see cref="RankingFeed"/>'s floor).
/// </summary>
[GenerateSerializer, Alias("scanner.scanners.shownstate")]
public sealed class ShownRankingState
{
    [Id(0)] public ScannerRow[] Rows { get; set; } = [];
}
