namespace Scanner.Calendar;

/// <summary>One trading day's session boundaries as Unix ms (see <see cref="TradingCalendar"/>).</summary>
public readonly record struct TradingDayBounds(
    DateOnly Day, long Start, long RegularOpen, long RegularClose, long AfterHoursEnd, long NextStart)
{
    public bool Contains(long unixMs) => unixMs >= Start && unixMs < NextStart;

    public MarketSession SessionOf(long unixMs) =>
        unixMs < Start || unixMs >= AfterHoursEnd ? MarketSession.Closed
        : unixMs < RegularOpen ? MarketSession.PreMarket
        : unixMs < RegularClose ? MarketSession.Regular
        : MarketSession.AfterHours;
}
