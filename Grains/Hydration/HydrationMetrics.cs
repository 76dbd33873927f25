using System.Diagnostics.Metrics;
using Scanner.Ticker;

namespace Scanner.Hydration;

/// <summary>
/// How tickers got their reference data (meter <c>Scanner.Grains</c>): from the bulk table or per ticker, how long a
/// ticker waited for it from its first event of the day, and bulk rows skipped as malformed.
/// </summary>
internal static class HydrationMetrics
{
    public static readonly Counter<long> BulkHits = TickerMetrics.Meter.CreateCounter<long>(
        "scanner.hydration.bulk_hits", description: "Ticker hydrations answered from the day's bulk reference table");

    public static readonly Counter<long> Fallbacks = TickerMetrics.Meter.CreateCounter<long>(
        "scanner.hydration.fallbacks", description: "Ticker hydrations loaded per ticker: the symbol was missing from the bulk table, or the bulk load failed");

    public static readonly Counter<long> BulkLoads = TickerMetrics.Meter.CreateCounter<long>(
        "scanner.hydration.bulk_loads", description: "Loads of a day's bulk reference table from the REST API (one per day per cluster, more after failures)");

    public static readonly Histogram<double> BulkRequestMs = TickerMetrics.Meter.CreateHistogram<double>(
        "scanner.hydration.bulk_request_duration", unit: "ms", description: "One whole-market request of a bulk load (a grouped daily session, a float listing page), from its start to its rows read, waits for a request permit and retries included",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000] });

    public static readonly Counter<long> BulkRowsSkipped = TickerMetrics.Meter.CreateCounter<long>(
        "scanner.hydration.bulk_rows_skipped", description: "Rows of bulk responses skipped: no symbol, or no positive close or float");

    public static readonly Counter<long> Hydrated = TickerMetrics.Meter.CreateCounter<long>(
        "scanner.ticker.hydrated", description: "Ticker days that received their reference data");

    public static readonly Histogram<double> WaitMs = TickerMetrics.Meter.CreateHistogram<double>(
        "scanner.ticker.hydration_wait", unit: "ms", description: "From a ticker's first event needing the day's reference data to the reference applied",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 180000] });
}
