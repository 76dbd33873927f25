namespace Scanner.ScannerFeeds;

/// <summary>
/// The registry's table of gateways: leases that renew on every registration and expire when not renewed, and a
/// version that changes only when the table does (a renewal with the same interest is not a change), so silos can
/// skip refetching. Start from a clock-derived version so a re-activated registry never repeats an old one.
/// </summary>
internal sealed class ScannerFeedGatewayLeases(long initialVersion)
{
    private readonly Dictionary<GrainId, Lease> _leases = [];
    private ScannerFeedGatewaySnapshot? _snapshot;

    public long Version { get; private set; } = initialVersion;

    public int Count => _leases.Count;

    public void Register(GrainId id, IScannerFeedObserver observer, string[] interests, TimeSpan lease, DateTime now)
    {
        var normalized = interests.Where(ScannerFeedPatterns.IsValid).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var changed = !_leases.TryGetValue(id, out var existing) || !existing.Gateway.Interests.AsSpan().SequenceEqual(normalized);
        _leases[id] = new Lease(changed ? new ScannerFeedGateway(observer, normalized) : existing!.Gateway, now + lease);
        if (changed)
        {
            Changed();
        }
    }

    public void Unregister(GrainId id)
    {
        if (_leases.Remove(id))
        {
            Changed();
        }
    }

    /// <summary>Drops every lease that ended before <paramref name="now"/>.</summary>
    public void Expire(DateTime now)
    {
        var removed = false;
        foreach (var (id, lease) in _leases)
        {
            if (lease.ExpiresAt < now)
            {
                _leases.Remove(id);
                removed = true;
            }
        }
        if (removed)
        {
            Changed();
        }
    }

    public ScannerFeedGatewaySnapshot Snapshot() =>
        _snapshot ??= new ScannerFeedGatewaySnapshot(Version, [.. _leases.Values.Select(l => l.Gateway)]);

    private void Changed()
    {
        Version++;
        _snapshot = null;
    }

    private sealed record Lease(ScannerFeedGateway Gateway, DateTime ExpiresAt);
}
