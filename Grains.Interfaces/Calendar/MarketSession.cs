namespace Scanner.Calendar;

/// <summary>The US equity trading sessions of one day, in America/New_York time (see <see cref="TradingCalendar"/>).</summary>
public enum MarketSession : byte
{
    /// <summary>Outside 04:00-20:00 ET (overnight, no scanner session).</summary>
    Closed,
    /// <summary>Pre-market, [04:00, 09:30) ET.</summary>
    PreMarket,
    /// <summary>Regular trading hours, [09:30, 16:00) ET.</summary>
    Regular,
    /// <summary>After-hours, [16:00, 20:00) ET.</summary>
    AfterHours,
}
