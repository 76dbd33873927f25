using Scanner.ScannerFeeds;

namespace Scanner.Ticker;

/// <summary>One symbol's day (key = symbol): consumes its market data streams, owns <c>quote:{SYM}</c> and <c>daily_range:{SYM}</c>.</summary>
public interface ITickerGrain : IScannerFeedSourceGrain
{
    /// <summary>Everything the grain knows about the symbol's day (the row it reports to the rankings included).</summary>
    Task<TickerSnapshot> GetSnapshot();
}
