namespace Scanner.MarketData;

/// <summary>An NBBO quote (<c>Q</c>): sym bx bp bs ax ap as c i t q z.</summary>
[GenerateSerializer, Immutable, Alias("scanner.md.quote")]
public sealed record Quote(
    string Symbol,
    long Timestamp,
    long RawTimestamp,
    int BidExchange,
    double BidPrice,
    long BidSize,
    int AskExchange,
    double AskPrice,
    long AskSize,
    int Condition,
    ConditionCodes Indicators,
    long Sequence,
    int Tape) : MarketEvent(Symbol, Timestamp, RawTimestamp)
{
    public override MarketEventKind Kind => MarketEventKind.Quote;
}
