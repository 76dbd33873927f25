using Scanner.Scanners;

namespace Scanner.Ticker;

/// <summary>
/// Everything a ticker grain knows about its symbol's day, for tests, tools and brute-force comparisons.
/// <see cref="Row"/> is exactly what the grain reports to the rankings; <see cref="Reference"/> is null until
/// hydration succeeded for the day. Times are Unix ms of event time.
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.ticker.snapshot")]
public sealed record TickerSnapshot(
    ScannerRow Row,
    double LastTradePrice,
    long LastTradeSize,
    long LastTradeTime,
    long TradeCount,
    double BidPrice,
    long BidSize,
    double AskPrice,
    long AskSize,
    SessionRange PreMarket,
    SessionRange Regular,
    SessionRange AfterHours,
    double UpperBand,
    double LowerBand,
    bool IsHalted,
    long HaltedAt,
    long ResumedAt,
    double FairMarketValue,
    ReferenceData? Reference,
    long LastUpdate);
