using Orleans.Storage;

namespace Scanner.Tests.Unit.Persistence;

/// <summary>
/// A grain's persistent state over one in-memory record with etags, like a storage provider: a write with an
/// etag other than the record's throws <see cref="InconsistentStateException"/>. <see cref="LoseRecord"/> is a
/// storage that forgot everything (a flushed Redis); <see cref="WriteFromElsewhere"/> is another writer's record;
/// <see cref="FailWrites"/> makes writes fail outright.
/// </summary>
internal sealed class FakePersistentState<TState>(TState initial) : IPersistentState<TState>
{
    private readonly TState _initial = initial;
    private int _nextEtag;

    public TState State { get; set; } = initial;

    public string? Etag { get; private set; }

    public bool RecordExists => Etag is not null;

    /// <summary>The stored value and etag (null when there is no record).</summary>
    public (TState Value, string Etag)? Stored { get; private set; }

    public int Writes { get; private set; }

    public bool FailWrites { get; set; }

    public void LoseRecord() => Stored = null;

    public void WriteFromElsewhere(TState value) =>
        Stored = (value, (++_nextEtag).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task WriteStateAsync()
    {
        if (FailWrites)
        {
            throw new TimeoutException("storage is down");
        }
        if (Stored?.Etag != Etag)
        {
            throw new InconsistentStateException("etag mismatch", Stored?.Etag ?? "none", Etag ?? "none");
        }
        Etag = (++_nextEtag).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Stored = (State, Etag);
        Writes++;
        return Task.CompletedTask;
    }

    public Task ReadStateAsync()
    {
        State = Stored is { } stored ? stored.Value : _initial;
        Etag = Stored?.Etag;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync()
    {
        Stored = null;
        Etag = null;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync(CancellationToken cancellationToken) => WriteStateAsync();

    public Task ReadStateAsync(CancellationToken cancellationToken) => ReadStateAsync();

    public Task ClearStateAsync(CancellationToken cancellationToken) => ClearStateAsync();
}
