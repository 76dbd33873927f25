using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Scanner.Cluster;
using Scanner.Persistence;
using Scanner.Tests.Unit.Persistence;

namespace Scanner.Tests.Unit.Cluster;

public class LeaseKeeperTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 14, 0, 0, TimeSpan.Zero));
    private readonly FakePersistentState<Lease> _storage = new(new Lease());
    private readonly StateWriteFailures _failures;
    private readonly LeaseKeeper _keeper;

    public LeaseKeeperTests()
    {
        _failures = new StateWriteFailures(_time, NullLogger<StateWriteFailures>.Instance);
        _keeper = new LeaseKeeper(_storage, _time, _failures, "lease test");
    }

    [Fact]
    public async Task The_holder_keeps_renewing_after_storage_lost_the_record_and_nobody_else_gets_it()
    {
        Assert.True((await _keeper.TryAcquireAsync("silo-a", Duration)).Granted);
        _storage.LoseRecord(); // Redis flushed: the grain still holds the old etag

        _time.Advance(TimeSpan.FromSeconds(5));
        var renewal = await _keeper.TryAcquireAsync("silo-a", Duration);

        Assert.True(renewal.Granted);
        Assert.Equal("silo-a", _storage.Stored?.Value.Holder); // the memory was written over the lost record
        Assert.Equal(1, _failures.InLastMinute);
        Assert.False((await _keeper.TryAcquireAsync("silo-b", Duration)).Granted);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True((await _keeper.TryAcquireAsync("silo-a", Duration)).Granted); // writes go on with the new etag
        Assert.Equal(1, _failures.InLastMinute);
    }

    [Fact]
    public async Task A_record_written_by_another_activation_decides_the_request()
    {
        Assert.True((await _keeper.TryAcquireAsync("silo-a", Duration)).Granted);
        var other = new Lease();
        other.TryAcquire("silo-b", Duration, _time.GetUtcNow());
        _storage.WriteFromElsewhere(other);

        _time.Advance(TimeSpan.FromSeconds(5));
        var renewal = await _keeper.TryAcquireAsync("silo-a", Duration);

        Assert.False(renewal.Granted);
        Assert.Equal("silo-b", renewal.Holder);
        Assert.Equal("silo-b", _storage.Stored?.Value.Holder);
    }

    [Fact]
    public async Task A_release_after_the_record_was_lost_is_written()
    {
        await _keeper.TryAcquireAsync("silo-a", Duration);
        _storage.LoseRecord();

        await _keeper.ReleaseAsync("silo-a");

        Assert.Null(_storage.Stored?.Value.Holder);
        Assert.True(_storage.RecordExists);
        Assert.True((await _keeper.TryAcquireAsync("silo-b", Duration)).Granted);
    }
}
