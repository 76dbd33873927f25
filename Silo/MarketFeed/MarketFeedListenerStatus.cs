namespace Scanner.Silo.MarketFeed;

/// <summary>
/// What the listener is doing now and how it went, for the health endpoint, the control API and operators:
/// state you can see beats logs you must grep. Updated by the listener; read from any thread.
/// </summary>
public sealed class MarketFeedListenerStatus(TimeProvider time)
{
    private readonly Lock _gate = new();
    private ListenerState _state = ListenerState.Idle;
    private DateTimeOffset _stateSince = time.GetUtcNow();
    private string? _lastError;
    private DateTimeOffset? _connectedAt;
    private string[] _acknowledged = [];
    private string[] _unacknowledged = [];
    private long _reconnects;
    private bool _wasStreaming;
    private string? _leaseHolder;

    public ListenerState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public void Set(ListenerState state, string? error = null)
    {
        lock (_gate)
        {
            if (_state != state)
            {
                _state = state;
                _stateSince = time.GetUtcNow();
            }
            if (error is not null)
            {
                // Health reasons and the operator page show it: an exception's message can run to many lines (Orleans
                // and Redis include their state and stack), so only its first line is kept.
                _lastError = FirstLine(error);
            }
            if (state == ListenerState.Connecting)
            {
                _wasStreaming = false;
            }
            if (state == ListenerState.Streaming)
            {
                _wasStreaming = true;
                _connectedAt ??= time.GetUtcNow();
            }
            else if (state is not (ListenerState.Subscribing or ListenerState.Streaming))
            {
                _connectedAt = null;
            }
        }
    }

    /// <summary>True when the latest connection got as far as streaming (so a drop after it is not a failed attempt).</summary>
    public bool WasStreaming
    {
        get
        {
            lock (_gate)
            {
                return _wasStreaming;
            }
        }
    }

    public void SetSubscriptions(string[] acknowledged, string[] unacknowledged)
    {
        lock (_gate)
        {
            _acknowledged = acknowledged;
            _unacknowledged = unacknowledged;
        }
    }

    /// <summary>Who holds the cluster's listener lease as last seen by this silo; null when the lease could not be read.</summary>
    public string? LeaseHolder
    {
        get
        {
            lock (_gate)
            {
                return _leaseHolder;
            }
        }
    }

    public void SetLeaseHolder(string? holder)
    {
        lock (_gate)
        {
            _leaseHolder = holder;
        }
    }

    public void CountReconnect() => Interlocked.Increment(ref _reconnects);

    public FeedListenerSnapshot Snapshot(FeedCountersSnapshot counters)
    {
        lock (_gate)
        {
            return new FeedListenerSnapshot(
                _state.ToString(), _stateSince, _connectedAt, _lastError, _acknowledged, _unacknowledged,
                Interlocked.Read(ref _reconnects), counters);
        }
    }

    private static string FirstLine(string text) => text.AsSpan().IndexOfAny('\r', '\n') is var end and >= 0 ? text[..end] : text;
}

/// <summary>A point-in-time view of the listener (serialised as JSON by the health endpoint).</summary>
public sealed record FeedListenerSnapshot(
    string State,
    DateTimeOffset StateSince,
    DateTimeOffset? ConnectedSince,
    string? LastError,
    string[] AcknowledgedSubscriptions,
    string[] UnacknowledgedSubscriptions,
    long Reconnects,
    FeedCountersSnapshot Counters);
