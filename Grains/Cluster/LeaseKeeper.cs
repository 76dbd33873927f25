using Orleans.Storage;
using Scanner.Persistence;

namespace Scanner.Cluster;

/// <summary>
/// Decides and persists one <see cref="Lease"/>. A write that meets another etag is resolved by what storage holds:
/// no record means storage lost it (Redis flushed or restarted empty), so the memory is the truth and is written
/// again; another record means another activation wrote it, so the request is decided again against that one.
/// Without this the lease grain failed every renewal after a cache loss, and a standby silo reactivating it from
/// the empty store could take the lease while the holder still had the socket.
/// </summary>
public sealed class LeaseKeeper(IPersistentState<Lease> storage, TimeProvider time, StateWriteFailures failures, string owner)
{
    public async Task<LeaseGrant> TryAcquireAsync(string holder, TimeSpan duration)
    {
        var grant = storage.State.TryAcquire(holder, duration, time.GetUtcNow());
        if (grant.Granted && !await SaveAsync())
        {
            grant = storage.State.TryAcquire(holder, duration, time.GetUtcNow());
            if (grant.Granted)
            {
                await storage.WriteStateAsync();
            }
        }
        return grant;
    }

    public async Task ReleaseAsync(string holder)
    {
        if (storage.State.Release(holder) && !await SaveAsync() && storage.State.Release(holder))
        {
            await storage.WriteStateAsync();
        }
    }

    /// <summary>Writes the lease; false when another activation's record replaced it in memory (decide again).</summary>
    private async Task<bool> SaveAsync()
    {
        try
        {
            await storage.WriteStateAsync();
            return true;
        }
        catch (InconsistentStateException conflict)
        {
            failures.Failed(owner, conflict);
            var decided = storage.State;
            await storage.ReadStateAsync();
            if (storage.RecordExists)
            {
                return false;
            }
            storage.State = decided;
            await storage.WriteStateAsync();
            failures.Rewritten();
            return true;
        }
    }
}
