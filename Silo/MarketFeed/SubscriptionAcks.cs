namespace Scanner.Silo.MarketFeed;

/// <summary>
/// The subscriptions sent on one connection and which of them the server acknowledged. The server acks each
/// parameter with its own status; one it never acks is data we silently would not get, so it is reported.
/// Thread-safe: the publishing stage records acks while the session checks the deadline.
/// </summary>
public sealed class SubscriptionAcks
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _pending;
    private readonly List<string> _acknowledged = [];

    public SubscriptionAcks(IEnumerable<string> requested) => _pending = new HashSet<string>(requested, StringComparer.Ordinal);

    /// <summary>Records an ack; false when it was not one we asked for (or was acked already).</summary>
    public bool Acknowledge(string parameter)
    {
        lock (_gate)
        {
            if (!_pending.Remove(parameter))
            {
                return false;
            }
            _acknowledged.Add(parameter);
            return true;
        }
    }

    public bool AllAcknowledged
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count == 0;
            }
        }
    }

    public string[] Unacknowledged
    {
        get
        {
            lock (_gate)
            {
                return [.. _pending.Order(StringComparer.Ordinal)];
            }
        }
    }

    public string[] Acknowledged
    {
        get
        {
            lock (_gate)
            {
                return [.. _acknowledged];
            }
        }
    }
}
