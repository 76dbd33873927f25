using Scanner.Silo.MarketFeed;

namespace Scanner.Silo.Control;

/// <summary>
/// What <c>GET /control/feed</c> answers (and the operator page shows): this silo, who holds the lease, what
/// operators asked for, and the listener as it is.
/// </summary>
public sealed record MarketFeedControlState(
    string Silo,
    bool Enabled,
    bool HoldsLease,
    string? LeaseHolder,
    bool Running,
    string Url,
    string[] Subscriptions,
    FeedListenerSnapshot Listener)
{
    public static MarketFeedControlState Of(MarketFeedControl control, ListenerIdentity identity, FeedListenerSnapshot listener)
    {
        var desired = control.Desired;
        return new MarketFeedControlState(
            identity.Name, control.Enabled, control.HoldsLease, control.LeaseHolder,
            desired.Running, desired.DisplayUrl, desired.Subscriptions, listener);
    }
}
