using Microsoft.Extensions.Logging;
using Scanner.Ticker;

namespace Scanner.Hydration;

/// <summary>
/// The ticker grains' <see cref="IReferenceDataSource"/>: the symbol's row of the day's bulk table (the silo's
/// <see cref="MarketReferenceCache"/>, memory after the first fetch of the day), or, for a symbol the table lacks
/// or while the bulk load fails, the per-ticker REST calls of <see cref="HydrationClient"/> (the fallback).
/// </summary>
public sealed partial class MarketReferenceSource(
    MarketReferenceCache tables, HydrationClient perTicker, ILogger<MarketReferenceSource> logger) : IReferenceDataSource
{
    public async Task<ReferenceData> LoadAsync(string symbol, DateOnly tradingDay, CancellationToken cancellationToken)
    {
        try
        {
            var table = await tables.GetAsync(tradingDay).WaitAsync(cancellationToken);
            if (table.Find(symbol) is { } reference)
            {
                HydrationMetrics.BulkHits.Add(1);
                return reference;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBulkUnavailable(logger, ex, tradingDay, symbol);
        }
        HydrationMetrics.Fallbacks.Add(1);
        return await perTicker.LoadAsync(symbol, tradingDay, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No bulk reference table for {Day:yyyy-MM-dd}; loading {Symbol} per ticker")]
    private static partial void LogBulkUnavailable(ILogger logger, Exception exception, DateOnly day, string symbol);
}
