namespace Scanner.Scanners;

/// <summary>
/// Whether one row of a symbol holds older figures than another, by what the feed told it rather than by who sent
/// it: a ticker reactivated after its silo died restarts from its last write-behind (up to
/// <see cref="ScannerOptions.PersistInterval"/> old) with a fresh, higher version, so versions alone let its older
/// figures replace newer ones. Within one trading day the newest event time and the accumulated volume only move
/// forward; a row behind the held one in either is older. Rows of different days are never compared here.
/// </summary>
public static class RowFreshness
{
    public static bool IsOlderThan(this ScannerRow row, ScannerRow held) =>
        row.TradingDay == held.TradingDay
        && (row.LastEventTimestamp < held.LastEventTimestamp || row.AccumulatedVolume < held.AccumulatedVolume);
}
