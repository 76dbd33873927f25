namespace Scanner.MarketData;

/// <summary>A fair market value (<c>FMV</c>): sym fmv t.</summary>
[GenerateSerializer, Immutable, Alias("scanner.md.fmv")]
public sealed record FairMarketValue(
    string Symbol,
    long Timestamp,
    long RawTimestamp,
    double Value) : MarketEvent(Symbol, Timestamp, RawTimestamp)
{
    public override MarketEventKind Kind => MarketEventKind.FairMarketValue;
}
