namespace Scanner.Scanners;

/// <summary>
/// The reports of one shard waiting in a silo for the next call to it: one per symbol, the newest row winning and
/// the alerts of every report kept in order. Thread-safe: ticker activations add from any thread.
/// </summary>
public sealed class ShardReportBuffer
{
    private readonly Lock _lock = new();
    private Dictionary<string, ShardReport> _pending = new(StringComparer.Ordinal);

    public void Add(ShardReport report)
    {
        lock (_lock)
        {
            var symbol = report.Row.Symbol;
            _pending[symbol] = _pending.TryGetValue(symbol, out var waiting) ? Merge(waiting, report) : report;
        }
    }

    /// <summary>Takes every waiting report (empty when none).</summary>
    public ShardReport[] Drain()
    {
        Dictionary<string, ShardReport> taken;
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                return [];
            }
            taken = _pending;
            _pending = new Dictionary<string, ShardReport>(taken.Count, StringComparer.Ordinal);
        }
        return [.. taken.Values];
    }

    /// <summary>Puts back reports whose call failed, behind nothing newer: they go out with the next call.</summary>
    public void Return(ShardReport[] reports)
    {
        lock (_lock)
        {
            foreach (var report in reports)
            {
                var symbol = report.Row.Symbol;
                _pending[symbol] = _pending.TryGetValue(symbol, out var newer) ? Merge(report, newer) : report;
            }
        }
    }

    private static ShardReport Merge(ShardReport older, ShardReport newer)
    {
        var alerts = older.Alerts.Length == 0 ? newer.Alerts
            : newer.Alerts.Length == 0 ? older.Alerts
            : [.. older.Alerts, .. newer.Alerts];
        return newer.Version >= older.Version ? newer with { Alerts = alerts } : older with { Alerts = alerts };
    }
}
