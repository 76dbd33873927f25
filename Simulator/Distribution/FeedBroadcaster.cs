using Scanner.MarketData;

namespace Scanner.Simulator.Distribution;

/// <summary>
/// Hands each batch of due events to every subscribed connection's queue. Never waits on a client: a full queue
/// drops (and counts) for that client only. Sources running "as fast as possible" pace themselves with
/// <see cref="WaitForRoomAsync"/>, which follows the fastest client, not the slowest.
/// </summary>
public sealed class FeedBroadcaster(ConnectionRegistry registry, SimulatorCounters counters)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public bool HasSubscribers
    {
        get
        {
            foreach (var connection in registry.Snapshot)
            {
                if (connection.IsSubscribed)
                {
                    return true;
                }
            }
            return false;
        }
    }

    public void Publish(MarketEvent[] events, int count)
    {
        if (count == 0)
        {
            return;
        }
        counters.Published(count);
        var batch = new EventBatch(events, count);
        foreach (var connection in registry.Snapshot)
        {
            if (connection.IsSubscribed)
            {
                connection.Offer(batch);
            }
        }
    }

    public async Task WaitForSubscriberAsync(CancellationToken cancellationToken)
    {
        while (!HasSubscribers)
        {
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Waits until some subscribed connection has at most half its queue filled.</summary>
    public async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (!AnySubscriberHasRoom())
        {
            await Task.Delay(1, cancellationToken);
        }
    }

    private bool AnySubscriberHasRoom()
    {
        foreach (var connection in registry.Snapshot)
        {
            if (connection.IsSubscribed && connection.QueuedEvents <= connection.QueueCapacity / 2)
            {
                return true;
            }
        }
        return false;
    }
}
