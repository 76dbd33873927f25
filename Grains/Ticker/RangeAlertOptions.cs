using System.ComponentModel.DataAnnotations;

namespace Scanner.Ticker;

/// <summary>
/// Configuration section <c>Scanner:RangeAlerts</c>: how often a symbol may raise new high / low of day alerts.
/// The first break of a session's high (or low) always alerts; after that, a further break of the same side in the
/// same session alerts only once <see cref="MinInterval"/> has passed since that side's last alert, or when the price
/// moved at least <see cref="MinStepPct"/> percent beyond the last alerted price. A stock grinding up a cent at a
/// time so raises one alert per interval instead of one per bar, while a real breakout still alerts at once.
/// </summary>
public sealed class RangeAlertOptions
{
    /// <summary>Quiet time after a side's alert (event time, not wall clock).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Scanner:RangeAlerts:MinInterval must be between 0 and one day")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A move beyond the last alerted price of at least this percent alerts even within the interval.</summary>
    [Range(0.0, 100.0, ErrorMessage = "Scanner:RangeAlerts:MinStepPct must be between 0 and 100")]
    public double MinStepPct { get; set; } = 1;
}
