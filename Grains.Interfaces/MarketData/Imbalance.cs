namespace Scanner.MarketData;

/// <summary>A net order imbalance (<c>NOI</c>; the symbol is in field <c>T</c>): t at a i x o p b.</summary>
[GenerateSerializer, Immutable, Alias("scanner.md.imbalance")]
public sealed record Imbalance(
    string Symbol,
    long Timestamp,
    long RawTimestamp,
    int AuctionTime,
    char AuctionType,
    long SymbolSequence,
    int Exchange,
    long ImbalanceQuantity,
    long PairedQuantity,
    double BookClearingPrice) : MarketEvent(Symbol, Timestamp, RawTimestamp)
{
    public override MarketEventKind Kind => MarketEventKind.Imbalance;
}
