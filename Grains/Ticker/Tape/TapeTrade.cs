using Scanner.MarketData;

namespace Scanner.Ticker.Tape;

/// <summary>One line of time and sales: the trade and the side it printed on.</summary>
public readonly record struct TapeTrade(long Time, double Price, long Size, int Exchange, ConditionCodes Conditions, TradeSide Side);
