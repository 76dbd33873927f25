using Microsoft.Extensions.Options;
using Scanner.Silo.MarketFeed;

namespace Scanner.Silo.Control;

/// <summary>
/// The listener's desired state, changed by operators and followed by <see cref="MarketFeedListener"/>: every change
/// cancels the token handed out with the previous state, which ends the current connection (or the wait while
/// stopped); the listener then connects again with the new URL and subscriptions and verifies their acks again.
/// Only the silo holding the listener lease has a socket, so changes are accepted there only; the others answer
/// with the holder's name. Thread-safe.
/// </summary>
public sealed class MarketFeedControl
{
    private readonly Lock _gate = new();
    private readonly string _self;
    private FeedListenerDesiredState _desired;
    private CancellationTokenSource _changed = new();
    private string? _leaseHolder;
    private bool _gaveUp;

    public MarketFeedControl(IOptions<MarketFeedOptions> options, ListenerIdentity identity)
        : this(options.Value, identity)
    {
    }

    public MarketFeedControl(MarketFeedOptions options, ListenerIdentity identity)
    {
        Enabled = options.Enabled;
        _self = identity.Name;
        _desired = new FeedListenerDesiredState(true, options.Url, options.Subscriptions);
    }

    /// <summary>False when the listener is disabled by configuration (<c>Feed:Enabled=false</c>): nothing to control.</summary>
    public bool Enabled { get; }

    public FeedListenerDesiredState Desired
    {
        get
        {
            lock (_gate)
            {
                return _desired;
            }
        }
    }

    /// <summary>The silo that held the listener lease when this silo last asked (null before the first answer).</summary>
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

    public bool HoldsLease => Enabled && LeaseHolder == _self;

    /// <summary>
    /// Whether this silo takes control changes: it holds the lease, or its listener gave up (refused key,
    /// <c>Feed:MaxReconnects</c>), released the lease and waits for exactly such a change to try again.
    /// </summary>
    public bool AcceptsChanges
    {
        get
        {
            lock (_gate)
            {
                return Enabled && (_leaseHolder == _self || _gaveUp);
            }
        }
    }

    /// <summary>The desired state and a token cancelled by the next change, read together so no change is missed.</summary>
    public (FeedListenerDesiredState Desired, CancellationToken Changed) Current()
    {
        lock (_gate)
        {
            return (_desired, _changed.Token);
        }
    }

    /// <summary>Called by the listener with every lease answer.</summary>
    public void ObserveLeaseHolder(string? holder)
    {
        lock (_gate)
        {
            _leaseHolder = holder;
            _gaveUp = false;
        }
    }

    /// <summary>Called by the listener when it gave up and released the lease: it waits for the next change.</summary>
    public void GaveUp()
    {
        lock (_gate)
        {
            _leaseHolder = null;
            _gaveUp = true;
        }
    }

    public FeedListenerDesiredState Stop() => Change(d => d with { Running = false });

    public FeedListenerDesiredState Start() => Change(d => d with { Running = true });

    /// <summary>Ends the current connection; the listener connects again at once (no backoff).</summary>
    public FeedListenerDesiredState Reconnect() => Change(d => d);

    public FeedListenerDesiredState SetSubscriptions(string[] subscriptions) => Change(d => d with { Subscriptions = subscriptions });

    /// <summary>Points the listener at another feed; <paramref name="url"/> passed <see cref="TryParseUrl"/>.</summary>
    public FeedListenerDesiredState SetUrl(Uri url) => Change(d => d with { Url = url });

    public static bool TryParseUrl(string? text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!) && url.Scheme is "ws" or "wss";

    private FeedListenerDesiredState Change(Func<FeedListenerDesiredState, FeedListenerDesiredState> change)
    {
        CancellationTokenSource previous;
        FeedListenerDesiredState desired;
        lock (_gate)
        {
            desired = _desired = change(_desired);
            previous = _changed;
            _changed = new CancellationTokenSource();
        }
        // Not disposed: the listener may still be linking to its token; a cancelled source holds nothing.
        previous.Cancel();
        return desired;
    }
}
