using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Scanner.Persistence;

namespace Scanner.Tests.Unit.Persistence;

public class WriteThroughTests
{
    private readonly FakePersistentState<string> _storage = new("");
    private readonly StateWriteFailures _failures = new(new FakeTimeProvider(), NullLogger<StateWriteFailures>.Instance);
    private readonly WriteBehind<string> _writeBehind;
    private readonly WriteThrough<string> _writeThrough;
    private readonly List<string?> _shown = [];
    private int _scheduled;
    private string _memory = "v1";

    public WriteThroughTests()
    {
        _writeBehind = new WriteBehind<string>(_storage, () => _memory, "TEST", _failures);
        // What is shown is what storage held at that moment: never older than the value.
        _writeThrough = new WriteThrough<string>(_writeBehind, () => _scheduled++, () => _shown.Add(_storage.Stored?.Value));
    }

    [Fact]
    public async Task A_changed_state_is_written_on_a_turn_of_its_own_before_the_value_is_shown()
    {
        _writeBehind.MarkDirty();
        _writeThrough.Request();
        Assert.Equal(1, _scheduled);
        Assert.Empty(_shown); // the requester does not wait for the write

        _memory = "v2"; // changed again before the turn: the newest value is written and shown
        _writeThrough.Request();
        await _writeThrough.WriteAndShowAsync(CancellationToken.None);

        Assert.Equal(["v2"], _shown);
        Assert.Equal(1, _storage.Writes);
        await _writeThrough.WriteAndShowAsync(CancellationToken.None); // a second scheduled turn has nothing left to do
        Assert.Single(_shown);
    }

    [Fact]
    public async Task An_unchanged_state_is_shown_at_once_without_a_write()
    {
        _writeBehind.MarkDirty();
        await _writeBehind.FlushAsync(CancellationToken.None);

        _writeThrough.Request();

        Assert.Equal(["v1"], _shown);
        Assert.Equal(0, _scheduled);
        Assert.Equal(1, _storage.Writes);
    }

    [Fact]
    public async Task A_failed_write_is_counted_and_the_value_still_shown()
    {
        _storage.FailWrites = true;
        _writeBehind.MarkDirty();
        _writeThrough.Request();
        await _writeThrough.WriteAndShowAsync(CancellationToken.None);

        Assert.Single(_shown);
        Assert.Equal(1, _failures.InLastMinute);
        Assert.True(_writeBehind.IsDirty); // written again on the next flush
    }

    [Fact]
    public void A_pending_value_is_shown_without_its_turn_and_only_once()
    {
        _writeBehind.MarkDirty();
        _writeThrough.Request();

        _writeThrough.ShowPending();
        _writeThrough.ShowPending();

        Assert.Single(_shown);
    }
}
