using Scanner.Calendar;

namespace Scanner.Scanners;

/// <summary>
/// An alert feed's newest <see cref="Capacity"/> alerts of the current trading day. An alert of a newer day clears
/// the list, and so does <see cref="RollOver"/> at the end of the day on the clock; an alert of an older day is ignored.
/// </summary>
public sealed class AlertList(int capacity = AlertFeeds.Size)
{
    // Oldest first, so adding is an append; the payload is written newest first.
    private readonly List<ScannerAlert> _alerts = [];

    public int Capacity { get; } = capacity;

    public int TradingDay { get; private set; }

    public IReadOnlyList<ScannerAlert> OldestFirst => _alerts;

    /// <summary>Adds alerts (oldest first); true when the list changed.</summary>
    public bool Add(IEnumerable<ScannerAlert> alerts)
    {
        var changed = false;
        foreach (var alert in alerts)
        {
            var day = TradingCalendar.ToNumber(TradingCalendar.TradingDayOf(alert.Timestamp));
            if (day < TradingDay)
            {
                continue;
            }
            if (day > TradingDay)
            {
                TradingDay = day;
                _alerts.Clear();
            }
            _alerts.Add(alert);
            changed = true;
        }
        if (_alerts.Count > Capacity)
        {
            _alerts.RemoveRange(0, _alerts.Count - Capacity);
        }
        return changed;
    }

    /// <summary>Starts the trading day <paramref name="day"/> (yyyymmdd) empty; true when that emptied the list.</summary>
    public bool RollOver(int day)
    {
        if (day <= TradingDay)
        {
            return false;
        }
        TradingDay = day;
        var hadAlerts = _alerts.Count > 0;
        _alerts.Clear();
        return hadAlerts;
    }

    /// <summary>The alerts newest first, as the feed publishes them.</summary>
    public ScannerAlert[] NewestFirst()
    {
        var result = new ScannerAlert[_alerts.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _alerts[_alerts.Count - 1 - i];
        }
        return result;
    }
}
