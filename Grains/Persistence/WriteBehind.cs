namespace Scanner.Persistence;

/// <summary>
/// Write-behind persistence of one grain's state: the grain marks it dirty as it changes, and
/// <see cref="FlushAsync"/> (on a grain timer every <c>ScannerOptions.PersistInterval</c>, see <see cref="Start"/>,
/// on deactivation, and before a value of it is shown, see <see cref="WriteThrough{TState}"/>) writes it when dirty
/// (<see cref="StateWrite"/>: the memory is the truth). A failed write stays dirty and is retried on the next flush.
/// </summary>
/// <param name="storage">The grain's persistent state.</param>
/// <param name="current">The state to write (the grain's in-memory truth), read at each write.</param>
/// <param name="owner">What the state belongs to, for the log.</param>
public sealed class WriteBehind<TState>(
    IPersistentState<TState> storage, Func<TState> current, string owner, StateWriteFailures failures)
{
    private bool _dirty;

    public bool IsDirty => _dirty;

    public void MarkDirty() => _dirty = true;

    /// <summary>Flushes every <paramref name="interval"/> on a timer of <paramref name="grain"/>.</summary>
    public void Start(IGrainBase grain, TimeSpan interval) =>
        grain.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(interval, interval));

    /// <summary>Writes the state if it changed since the last successful write; never throws for a failed write.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }
        _dirty = false;
        if (!await storage.TryWriteAsync(current(), owner, failures, cancellationToken))
        {
            _dirty = true;
        }
    }
}
