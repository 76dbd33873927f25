using Orleans.Storage;

namespace Scanner.Persistence;

/// <summary>
/// One write of a grain's state, its in-memory truth. When storage lost the record or holds another etag (Redis
/// flushed or restored under running grains), the current etag is read and the memory written over it, so writes
/// resume instead of failing forever. Failures go to the silo's <see cref="StateWriteFailures"/>; a write never throws.
/// </summary>
public static class StateWrite
{
    /// <summary>Writes <paramref name="state"/>; false when the write failed (counted).</summary>
    /// <param name="owner">What the state belongs to, for the log.</param>
    public static async Task<bool> TryWriteAsync<TState>(
        this IPersistentState<TState> storage, TState state, string owner, StateWriteFailures failures, CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                storage.State = state;
                await storage.WriteStateAsync(cancellationToken);
            }
            catch (InconsistentStateException conflict)
            {
                failures.Failed(owner, conflict);
                await storage.ReadStateAsync(cancellationToken); // only for the etag: memory is the truth
                storage.State = state;
                await storage.WriteStateAsync(cancellationToken);
                failures.Rewritten();
            }
            failures.Succeeded();
            return true;
        }
        catch (Exception ex)
        {
            storage.State = state; // a failed read must not leave storage's stale value for the next write
            failures.Failed(owner, ex);
            return false;
        }
    }
}
