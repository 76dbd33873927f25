using Scanner.Ticker;

namespace Scanner.Hydration;

/// <summary>
/// The whole market's reference data for one trading day (<see cref="TradingDay"/>, yyyymmdd), loaded in a handful
/// of bulk REST calls (docs/contracts/reference-data.md, "Bulk"): what a ticker grain reads from memory instead of
/// three calls of its own. A symbol missing here is hydrated per ticker.
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.hydration.market-table")]
public sealed record MarketReferenceTable(int TradingDay, IReadOnlyDictionary<string, ReferenceData> BySymbol)
{
    public ReferenceData? Find(string symbol) => BySymbol.GetValueOrDefault(symbol);
}
