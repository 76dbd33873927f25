using Scanner.Scanners;

namespace Scanner.Ticker;

/// <summary>
/// The row the rankings held for the symbol when its ticker activated. A ticker reactivated after its silo died
/// restarts from its last stored state, which can be older than what it had already reported (a watched quote is
/// stored before it is published, a report is not); until its own row has caught up (<see cref="RowFreshness"/>) it
/// shows the floor instead, so neither its ranking row nor a <c>quote:{SYM}</c> opened after the rankings showed the
/// symbol goes back to older figures. The floor is dropped for good once passed.
/// </summary>
public sealed class RowFloor
{
    private ScannerRow? _floor;

    public void Set(ScannerRow? row) => _floor = row;

    /// <summary><paramref name="own"/>, or the floor while <paramref name="own"/> is older than it.</summary>
    public ScannerRow Above(ScannerRow own)
    {
        if (_floor is { } floor && own.IsOlderThan(floor))
        {
            return floor;
        }
        _floor = null;
        return own;
    }
}
