using Scanner.Feeds;

namespace Scanner.Ticker;

/// <summary>One symbol's day (key = symbol): consumes its market data streams, owns <c>quote:{SYM}</c> and <c>daily_range:{SYM}</c>.</summary>
public interface ITickerGrain : IFeedSourceGrain
{
}
