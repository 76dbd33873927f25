namespace Scanner.Persistence;

/// <summary>
/// Shows a value held in a grain's state (publishes it) only once that state is stored, so that a reactivation
/// after a silo loss, which restarts from storage, never shows an older value than clients saw. A request shows at
/// once when the state is unchanged since its last write; otherwise it asks the grain for a turn of its own
/// (<paramref name="schedule"/>, a timer) in which <see cref="WriteAndShowAsync"/> writes through
/// <paramref name="writeBehind"/> and then shows: the requester does not wait for the write. A failed write is
/// counted there, and the value still shown. Requests before that turn ride along.
/// </summary>
/// <param name="show">Shows the current value (the grain decides whether anyone still wants it).</param>
public sealed class WriteThrough<TState>(WriteBehind<TState> writeBehind, Action schedule, Action show)
{
    private bool _pending;

    public void Request()
    {
        _pending = true;
        if (writeBehind.IsDirty)
        {
            schedule();
        }
        else
        {
            ShowPending();
        }
    }

    /// <summary>The scheduled turn: the state written, then the value shown (the current one, as stored).</summary>
    public async Task WriteAndShowAsync(CancellationToken cancellationToken)
    {
        if (!_pending)
        {
            return;
        }
        await writeBehind.FlushAsync(cancellationToken);
        ShowPending();
    }

    /// <summary>Shows a requested value without waiting for the scheduled turn (a deactivation, after its last write).</summary>
    public void ShowPending()
    {
        if (_pending)
        {
            _pending = false;
            show();
        }
    }
}
