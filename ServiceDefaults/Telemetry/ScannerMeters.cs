namespace Scanner.ServiceDefaults.Telemetry;

/// <summary>
/// The meters exported. Every meter of the scanner is named <c>Scanner.*</c> (Scanner.Feed, Scanner.Streaming,
/// Scanner.Grains, Scanner.FanOut, Scanner.Gateway, Scanner.Simulator; docs/operations/metrics.md lists their
/// instruments), so a new one is exported without touching this list. Activity sources follow the same rule.
/// </summary>
public static class ScannerMeters
{
    public const string Pattern = "Scanner.*";

    /// <summary>Orleans' own meter: grains, messaging, streams, storage.</summary>
    public const string Orleans = "Microsoft.Orleans";
}
