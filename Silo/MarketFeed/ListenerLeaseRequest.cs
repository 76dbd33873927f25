using Scanner.Cluster;

namespace Scanner.Silo.MarketFeed;

/// <summary>
/// One ask of the listener lease. A cluster that answers late or not at all (a grain call timeout surfaces as a
/// <see cref="TaskCanceledException"/>, a cancellation that is not ours) is an answer too: no lease this time. Letting
/// it escape ended the listener, and with it the silo, whose host stops when a background service fails.
/// </summary>
internal static class ListenerLeaseRequest
{
    /// <summary>The grant, or why there is none; throws only when <paramref name="ct"/> (the listener stopping) is cancelled.</summary>
    public static async Task<(LeaseGrant? Grant, Exception? Failure)> TryAcquireAsync(
        IListenerLeaseGrain lease, string holder, TimeSpan duration, CancellationToken ct)
    {
        try
        {
            return (await lease.TryAcquire(holder, duration).WaitAsync(ct), null);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return (null, ex);
        }
    }
}
