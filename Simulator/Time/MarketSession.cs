namespace Scanner.Simulator.Time;

/// <summary>The session a moment falls in, as <c>/v1/marketstatus/now</c> reports it.</summary>
public enum MarketSession
{
    Closed,
    PreMarket,
    Regular,
    AfterHours,
}

public static class MarketSessions
{
    public static MarketSession At(long unixMs)
    {
        var local = NewYorkTime.ToLocal(unixMs);
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return MarketSession.Closed;
        }
        var time = TimeOnly.FromDateTime(local);
        return time < NewYorkTime.PreMarketOpen ? MarketSession.Closed
            : time < NewYorkTime.RegularOpen ? MarketSession.PreMarket
            : time < NewYorkTime.RegularClose ? MarketSession.Regular
            : time < NewYorkTime.AfterHoursClose ? MarketSession.AfterHours
            : MarketSession.Closed;
    }

    /// <summary>The Massive <c>market</c> value: open, extended-hours or closed.</summary>
    public static string MarketValue(this MarketSession session) => session switch
    {
        MarketSession.Regular => "open",
        MarketSession.PreMarket or MarketSession.AfterHours => "extended-hours",
        _ => "closed",
    };
}
