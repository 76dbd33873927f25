namespace Scanner.Feeds;

/// <summary>
/// Which gateway gets which update, built once per registry version: list feeds go to every gateway, per-symbol
/// feeds only to gateways whose interest matches. Immutable, so the publisher swaps it atomically.
/// </summary>
internal sealed class FeedRoutes
{
    private readonly (IFeedObserver Observer, FeedInterestSet Interest)[] _gateways;
    private readonly FeedInterestSet _union;

    public FeedRoutes(FeedGatewaySnapshot snapshot)
    {
        Version = snapshot.Version;
        _gateways = [.. snapshot.Gateways.Select(g => (g.Observer, new FeedInterestSet(g.Interests)))];
        _union = new FeedInterestSet(snapshot.Gateways.SelectMany(g => g.Interests));
    }

    private FeedRoutes()
    {
        Version = long.MinValue;
        _gateways = [];
        _union = FeedInterestSet.Empty;
    }

    public static FeedRoutes Empty { get; } = new();

    public long Version { get; }

    public int GatewayCount => _gateways.Length;

    /// <summary>True when some gateway would receive <paramref name="feed"/>.</summary>
    public bool IsWanted(string feed) => _gateways.Length > 0 && (FeedNames.IsList(feed) || _union.Matches(feed));

    /// <summary>Calls <paramref name="send"/> once per gateway that wants any of <paramref name="updates"/>.</summary>
    public void Route(List<FeedUpdate> updates, Action<IFeedObserver, FeedUpdate[]> send)
    {
        FeedUpdate[]? everything = null;
        var selected = new List<FeedUpdate>(updates.Count);
        foreach (var (observer, interest) in _gateways)
        {
            selected.Clear();
            foreach (var update in updates)
            {
                if (FeedNames.IsList(update.Feed) || interest.Matches(update.Feed))
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
