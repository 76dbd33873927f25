using Scanner.Calendar;

namespace Scanner.Simulator.Time;

/// <summary>How <c>/v1/marketstatus/now</c> reports a <see cref="MarketSession"/>.</summary>
public static class MarketStatus
{
    /// <summary>The Massive <c>market</c> value: open, extended-hours or closed.</summary>
    public static string MarketValue(this MarketSession session) => session switch
    {
        MarketSession.Regular => "open",
        MarketSession.PreMarket or MarketSession.AfterHours => "extended-hours",
        _ => "closed",
    };
}
