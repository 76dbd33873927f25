using Scanner.Calendar;

namespace Scanner.Ticker;

/// <summary>
/// The market-wide share of a day's volume that has usually traded by each minute of the 04:00-20:00 ET day, for
/// relative volume at time of day (<c>relative_volume_tod</c>). A documented model, not measured per symbol:
/// pre-market 04:00-08:00 holds 1% of the day's volume and 08:00-09:30 3% (each spread evenly), the regular session
/// 90% on a U-shaped curve (a minute's weight is 1 + 3x², x running from -1 at 09:30 to 1 at 16:00, so the first and
/// last minutes trade four times the midday rate), after-hours 16:00-20:00 6% (evenly). Within a minute it
/// interpolates linearly; it is 0 at 04:00 and 1 from 20:00.
/// </summary>
public static class IntradayVolumeProfile
{
    private const int PreMarketEarlyMinutes = 240; // 04:00-08:00
    private const int PreMarketLateMinutes = 90;   // 08:00-09:30
    private const int RegularMinutes = 390;        // 09:30-16:00
    private const int AfterHoursMinutes = 240;     // 16:00-20:00
    private const int DayMinutes = PreMarketEarlyMinutes + PreMarketLateMinutes + RegularMinutes + AfterHoursMinutes;

    // Cumulative share at the start of each minute of the day, and 1 at its end (DayMinutes + 1 entries).
    private static readonly double[] Cumulative = Build();

    /// <summary>The usual share of the whole day's volume traded by <paramref name="unixMs"/> on the day of <paramref name="bounds"/>.</summary>
    public static double ShareTradedBy(TradingDayBounds bounds, long unixMs)
    {
        var minutes = (unixMs - bounds.Start) / 60_000.0;
        if (minutes <= 0)
        {
            return 0;
        }
        if (minutes >= DayMinutes)
        {
            return 1;
        }
        var minute = (int)minutes;
        return Cumulative[minute] + ((Cumulative[minute + 1] - Cumulative[minute]) * (minutes - minute));
    }

    private static double[] Build()
    {
        var weights = new double[DayMinutes];
        Spread(weights, 0, PreMarketEarlyMinutes, 0.01, static _ => 1);
        Spread(weights, PreMarketEarlyMinutes, PreMarketLateMinutes, 0.03, static _ => 1);
        Spread(weights, PreMarketEarlyMinutes + PreMarketLateMinutes, RegularMinutes, 0.90, static x => 1 + (3 * x * x));
        Spread(weights, DayMinutes - AfterHoursMinutes, AfterHoursMinutes, 0.06, static _ => 1);
        var cumulative = new double[DayMinutes + 1];
        for (var i = 0; i < DayMinutes; i++)
        {
            cumulative[i + 1] = cumulative[i] + weights[i];
        }
        cumulative[DayMinutes] = 1; // no rounding drift at the end
        return cumulative;
    }

    /// <summary>Gives <paramref name="count"/> minutes from <paramref name="first"/> the <paramref name="share"/> of the day, by <paramref name="shape"/> of x in [-1, 1].</summary>
    private static void Spread(double[] weights, int first, int count, double share, Func<double, double> shape)
    {
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += weights[first + i] = shape(((2.0 * i) + 1 - count) / count);
        }
        for (var i = 0; i < count; i++)
        {
            weights[first + i] *= share / total;
        }
    }
}
