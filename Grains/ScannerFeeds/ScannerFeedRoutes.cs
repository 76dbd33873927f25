namespace Scanner.ScannerFeeds;

/// <summary>
/// Which gateway gets which update, built once per registry version: list feeds go to every gateway, per-symbol
/// feeds only to gateways whose interest matches. Immutable, so the publisher swaps it atomically.
/// </summary>
internal sealed class ScannerFeedRoutes
{
    private readonly (IScannerFeedObserver Observer, ScannerFeedInterestSet Interest)[] _gateways;
    private readonly ScannerFeedInterestSet _union;

    public ScannerFeedRoutes(ScannerFeedGatewaySnapshot snapshot)
    {
        Version = snapshot.Version;
        _gateways = [.. snapshot.Gateways.Select(g => (g.Observer, new ScannerFeedInterestSet(g.Interests)))];
        _union = new ScannerFeedInterestSet(snapshot.Gateways.SelectMany(g => g.Interests));
    }

    private ScannerFeedRoutes()
    {
        Version = long.MinValue;
        _gateways = [];
        _union = ScannerFeedInterestSet.Empty;
    }

    public static ScannerFeedRoutes Empty { get; } = new();

    public long Version { get; }

    public int GatewayCount => _gateways.Length;

    /// <summary>True when some gateway would receive <paramref name="feed"/>.</summary>
    public bool IsWanted(string feed) => _gateways.Length > 0 && (ScannerFeedNames.IsList(feed) || _union.Matches(feed));

    /// <summary>Calls <paramref name="send"/> once per gateway that wants any of <paramref name="updates"/>.</summary>
    public void Route(List<ScannerFeedUpdate> updates, Action<IScannerFeedObserver, ScannerFeedUpdate[]> send)
    {
        ScannerFeedUpdate[]? everything = null;
        var selected = new List<ScannerFeedUpdate>(updates.Count);
        foreach (var (observer, interest) in _gateways)
        {
            selected.Clear();
            foreach (var update in updates)
            {
                if (ScannerFeedNames.IsList(update.Feed) || interest.Matches(update.Feed))
                {
                    selected.Add(update);
                }
            }
            if (selected.Count == updates.Count)
            {
                send(observer, everything ??= [.. updates]);
            }
            else if (selected.Count > 0)
            {
                send(observer, [.. selected]);
            }
        }
    }
}
