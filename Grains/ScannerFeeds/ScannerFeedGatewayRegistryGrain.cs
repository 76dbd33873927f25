namespace Scanner.ScannerFeeds;

/// <summary>
/// Holds the gateway table in memory only: gateways renew every few seconds, so after a re-activation the table
/// refills within one renewal period.
/// </summary>
public sealed class ScannerFeedGatewayRegistryGrain : Grain, IScannerFeedGatewayRegistryGrain
{
    private readonly ScannerFeedGatewayLeases _leases = new(DateTime.UtcNow.Ticks);

    public Task Register(IScannerFeedObserver observer, string[] interests, TimeSpan lease)
    {
        var now = DateTime.UtcNow;
        _leases.Expire(now);
        _leases.Register(observer.GetGrainId(), observer, interests, lease, now);
        return Task.CompletedTask;
    }

    public Task Unregister(IScannerFeedObserver observer)
    {
        _leases.Unregister(observer.GetGrainId());
        return Task.CompletedTask;
    }

    public Task<ScannerFeedGatewaySnapshot?> GetGatewaysIfChanged(long knownVersion)
    {
        _leases.Expire(DateTime.UtcNow);
        return Task.FromResult(_leases.Version == knownVersion ? null : _leases.Snapshot());
    }
}
