namespace Scanner.Cluster;

/// <summary>
/// Keeps the single-listener lease, persisted so that the grain moving to another silo (or its silo dying) cannot
/// hand a live lease to a second listener.
/// </summary>
public sealed class ListenerLeaseGrain(
    [PersistentState("lease", "scanner")] IPersistentState<Lease> state,
    TimeProvider time) : Grain, IListenerLeaseGrain
{
    public async Task<LeaseGrant> TryAcquire(string holder, TimeSpan duration)
    {
        var grant = state.State.TryAcquire(holder, duration, time.GetUtcNow());
        if (grant.Granted)
        {
            await state.WriteStateAsync();
        }
        return grant;
    }

    public async Task Release(string holder)
    {
        if (state.State.Release(holder))
        {
            await state.WriteStateAsync();
        }
    }
}
