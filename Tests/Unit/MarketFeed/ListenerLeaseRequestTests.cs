using Scanner.Cluster;
using Scanner.Silo.MarketFeed;

namespace Scanner.Tests.Unit.MarketFeed;

/// <summary>A lease request the cluster does not answer in time must leave the listener in standby, not end it (an
/// escaped <see cref="TaskCanceledException"/> stopped the silo under load).</summary>
public sealed class ListenerLeaseRequestTests
{
    [Fact]
    public async Task A_grain_call_that_times_out_is_no_lease_this_time_not_a_crash()
    {
        var timedOut = new AnsweringLease(Task.FromException<LeaseGrant>(new TaskCanceledException("response timeout")));

        var (grant, failure) = await ListenerLeaseRequest.TryAcquireAsync(timedOut, "silo-1", TimeSpan.FromSeconds(6), CancellationToken.None);

        Assert.Null(grant);
        Assert.IsType<TaskCanceledException>(failure);
    }

    [Fact]
    public async Task A_grant_is_returned_and_the_listener_stopping_still_cancels()
    {
        var expires = DateTimeOffset.UnixEpoch.AddHours(1);
        var granting = new AnsweringLease(Task.FromResult(new LeaseGrant(true, "silo-1", expires)));
        var (grant, failure) = await ListenerLeaseRequest.TryAcquireAsync(granting, "silo-1", TimeSpan.FromSeconds(6), CancellationToken.None);
        Assert.Equal(new LeaseGrant(true, "silo-1", expires), grant);
        Assert.Null(failure);

        using var stopping = new CancellationTokenSource();
        var pending = ListenerLeaseRequest.TryAcquireAsync(new AnsweringLease(new TaskCompletionSource<LeaseGrant>().Task), "silo-1", TimeSpan.FromSeconds(6), stopping.Token);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    private sealed class AnsweringLease(Task<LeaseGrant> answer) : IListenerLeaseGrain
    {
        public Task<LeaseGrant> TryAcquire(string holder, TimeSpan duration) => answer;

        public Task Release(string holder) => Task.CompletedTask;
    }
}
