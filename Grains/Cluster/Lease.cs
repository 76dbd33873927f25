namespace Scanner.Cluster;

/// <summary>A time-bounded exclusive claim: free, held until an instant, taken over once expired.</summary>
[GenerateSerializer, Alias("scanner.cluster.lease")]
public sealed class Lease
{
    [Id(0)] public string? Holder { get; private set; }
    [Id(1)] public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Grants (or renews) the lease when it is free, expired or already the caller's.</summary>
    public LeaseGrant TryAcquire(string holder, TimeSpan duration, DateTimeOffset now)
    {
        if (Holder is null || Holder == holder || ExpiresAt <= now)
        {
            Holder = holder;
            ExpiresAt = now + duration;
            return new LeaseGrant(true, holder, ExpiresAt);
        }
        return new LeaseGrant(false, Holder, ExpiresAt);
    }

    /// <summary>True when the caller held the lease and gave it up.</summary>
    public bool Release(string holder)
    {
        if (Holder != holder)
        {
            return false;
        }
        Holder = null;
        ExpiresAt = default;
        return true;
    }
}
