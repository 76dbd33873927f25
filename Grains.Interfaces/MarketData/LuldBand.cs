namespace Scanner.MarketData;

/// <summary>
/// A limit-up/limit-down band (<c>LULD</c>; the symbol is in field <c>T</c>): h l i z t q.
/// Indicators carry halt and resume codes (for example 17 = limit state entered, 21 = trading pause).
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.md.luld")]
public sealed record LuldBand(
    string Symbol,
    long Timestamp,
    long RawTimestamp,
    double UpperPrice,
    double LowerPrice,
    ConditionCodes Indicators,
    int Tape,
    long Sequence) : MarketEvent(Symbol, Timestamp, RawTimestamp)
{
    public override MarketEventKind Kind => MarketEventKind.Luld;
}
