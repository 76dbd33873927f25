using Scanner.Calendar;

namespace Scanner.Ticker;

/// <summary>
/// The last new high (or low) alert of one side of a symbol's day: its session, price and event time (Unix ms);
/// default before the first. <see cref="Allows"/> is the throttling rule of <see cref="RangeAlertOptions"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.ticker.rangealertmark")]
public readonly record struct RangeAlertMark(MarketSession Session, double Price, long Time)
{
    /// <summary>True when a break to <paramref name="price"/> at <paramref name="time"/> in <paramref name="session"/> should alert.</summary>
    public bool Allows(MarketSession session, double price, long time, RangeAlertOptions options) =>
        Time == 0
        || Session != session
        || time - Time >= (long)options.MinInterval.TotalMilliseconds
        || Math.Abs(price - Price) >= Price * options.MinStepPct / 100;
}
