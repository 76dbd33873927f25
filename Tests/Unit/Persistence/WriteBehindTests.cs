using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Scanner.Persistence;

namespace Scanner.Tests.Unit.Persistence;

public class WriteBehindTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakePersistentState<string> _storage = new("");
    private readonly StateWriteFailures _failures;
    private readonly WriteBehind<string> _writer;
    private string _memory = "v1";

    public WriteBehindTests()
    {
        _failures = new StateWriteFailures(_time, NullLogger<StateWriteFailures>.Instance);
        _writer = new WriteBehind<string>(_storage, () => _memory, "TEST", _failures);
    }

    [Fact]
    public async Task Writes_only_when_dirty_and_writes_the_current_memory()
    {
        await _writer.FlushAsync(CancellationToken.None);
        Assert.Equal(0, _storage.Writes);

        _writer.MarkDirty();
        _memory = "v2";
        await _writer.FlushAsync(CancellationToken.None);
        await _writer.FlushAsync(CancellationToken.None);

        Assert.Equal(1, _storage.Writes);
        Assert.Equal("v2", _storage.Stored?.Value);
        Assert.False(_writer.IsDirty);
    }

    [Fact]
    public async Task A_failed_write_stays_dirty_is_counted_and_retried_on_the_next_flush()
    {
        _storage.FailWrites = true;
        _writer.MarkDirty();
        await _writer.FlushAsync(CancellationToken.None); // does not throw

        Assert.True(_writer.IsDirty);
        Assert.Equal(1, _failures.InLastMinute);

        _storage.FailWrites = false;
        await _writer.FlushAsync(CancellationToken.None);
        Assert.Equal("v1", _storage.Stored?.Value);
        Assert.False(_writer.IsDirty);
    }

    [Fact]
    public async Task A_lost_record_is_rewritten_from_memory_and_writes_resume()
    {
        _writer.MarkDirty();
        await _writer.FlushAsync(CancellationToken.None);
        _storage.LoseRecord(); // the grain still holds the old etag: the next write conflicts

        _memory = "v2";
        _writer.MarkDirty();
        await _writer.FlushAsync(CancellationToken.None);

        Assert.Equal("v2", _storage.Stored?.Value);
        Assert.Equal("v2", _storage.State); // the read for the etag did not replace the memory
        Assert.False(_writer.IsDirty);
        Assert.Equal(1, _failures.InLastMinute); // the conflict counts as a failure

        _memory = "v3";
        _writer.MarkDirty();
        await _writer.FlushAsync(CancellationToken.None);
        Assert.Equal("v3", _storage.Stored?.Value);
        Assert.Equal(1, _failures.InLastMinute);
    }

    [Fact]
    public async Task Failures_leave_the_last_minute_window_as_time_passes()
    {
        _storage.FailWrites = true;
        _writer.MarkDirty();
        await _writer.FlushAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        await _writer.FlushAsync(CancellationToken.None);
        Assert.Equal(2, _failures.InLastMinute);

        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, _failures.InLastMinute);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, _failures.InLastMinute);
    }
}
