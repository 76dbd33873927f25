using Scanner.Ticker;

namespace Scanner.Hydration;

/// <summary>Loads a symbol's reference data for a trading day; throws <see cref="HydrationException"/> when it cannot.</summary>
public interface IReferenceDataSource
{
    Task<ReferenceData> LoadAsync(string symbol, DateOnly tradingDay, CancellationToken cancellationToken);
}
