using System.Diagnostics.Metrics;
using Scanner.Silo.Control;
using Scanner.Silo.MarketFeed;

namespace Scanner.Silo.Operations;

/// <summary>
/// Gauges of the listener's state for alerting (meter <c>Scanner.Feed</c>, next to the listener's counters):
/// whether this silo holds the listener lease (summed over the cluster it must be 1) and how many subscriptions the
/// server has not acknowledged.
/// </summary>
public sealed class ListenerStateMetrics
{
    public ListenerStateMetrics(IMeterFactory meters, MarketFeedControl control, MarketFeedListenerStatus status, MarketFeedMetrics feed)
    {
        var meter = meters.Create(MarketFeedMetrics.MeterName);
        meter.CreateObservableGauge("scanner.feed.lease_held", () => control.HoldsLease ? 1 : 0,
            description: "1 while this silo holds the feed listener lease (the one upstream socket of the cluster).");
        meter.CreateObservableGauge("scanner.feed.unacknowledged_subscriptions",
            () => status.Snapshot(feed.Snapshot()).UnacknowledgedSubscriptions.Length, "{subscription}",
            "Subscriptions of the current connection the server has not acknowledged.");
    }
}
