namespace Scanner.MarketData;

/// <summary>A trade (<c>T</c>): sym x i z p s c t q, with optional TRF id and time.</summary>
[GenerateSerializer, Immutable, Alias("scanner.md.trade")]
public sealed record Trade(
    string Symbol,
    long Timestamp,
    long RawTimestamp,
    int Exchange,
    TradeId Id,
    int Tape,
    double Price,
    long Size,
    ConditionCodes Conditions,
    long Sequence,
    int TrfId,
    long TrfTimestamp) : MarketEvent(Symbol, Timestamp, RawTimestamp)
{
    public override MarketEventKind Kind => MarketEventKind.Trade;
}
