using Scanner.Persistence;

namespace Scanner.Cluster;

/// <summary>
/// Keeps the single-listener lease, persisted so that the grain moving to another silo (or its silo dying) cannot
/// hand a live lease to a second listener; <see cref="LeaseKeeper"/> decides and writes it.
/// </summary>
public sealed class ListenerLeaseGrain(
    [PersistentState("lease", "scanner")] IPersistentState<Lease> state,
    TimeProvider time,
    StateWriteFailures failures) : Grain, IListenerLeaseGrain
{
    private LeaseKeeper _keeper = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _keeper = new LeaseKeeper(state, time, failures, $"lease {this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public Task<LeaseGrant> TryAcquire(string holder, TimeSpan duration) => _keeper.TryAcquireAsync(holder, duration);

    public Task Release(string holder) => _keeper.ReleaseAsync(holder);
}
