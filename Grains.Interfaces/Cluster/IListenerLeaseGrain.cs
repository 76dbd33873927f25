namespace Scanner.Cluster;

/// <summary>
/// The single-listener lease (key = the upstream connection's name). The provider allows one connection per key,
/// so exactly one silo of the cluster may hold the feed socket; the others wait in standby and take over when
/// the holder stops renewing.
/// </summary>
public interface IListenerLeaseGrain : IGrainWithStringKey
{
    /// <summary>Acquires or renews the lease for <paramref name="holder"/>; the current holder and expiry either way.</summary>
    Task<LeaseGrant> TryAcquire(string holder, TimeSpan duration);

    /// <summary>Gives the lease up at once (clean shutdown), so a standby silo takes over without waiting.</summary>
    Task Release(string holder);
}

/// <summary>The answer of a lease request: <see cref="Granted"/> when the caller holds it until <see cref="ExpiresAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("scanner.cluster.lease-grant")]
public sealed record LeaseGrant(bool Granted, string? Holder, DateTimeOffset ExpiresAt);
