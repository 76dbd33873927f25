namespace Scanner.Tests.Support.Measuring;

/// <summary>
/// The latencies of changed ranking rows, kept apart by what timed the row's last change. A trade (or any event but a
/// bar) carries the time it happened, so its latencies are exact. A bar is timed by its window end, which the
/// synthetic simulator does not keep to: it sends a bar in progress before its window ends, and a quiet ticker's bar
/// long after; those latencies are reported on their own, not mixed into the exact ones.
/// </summary>
public sealed class RowLatencies
{
    /// <summary>Rows timed by an event's own time: event to client receipt.</summary>
    public LatencyHistogram EventToClient { get; } = new();

    /// <summary>Rows timed by an event's own time: event to the feed's publication in the silo.</summary>
    public LatencyHistogram EventToPublish { get; } = new();

    /// <summary>Rows timed by a bar's window end: window end to client receipt.</summary>
    public LatencyHistogram BarEndToClient { get; } = new();

    public void Record(long eventMs, bool timedByBar, long publishedMs, long receivedMs)
    {
        if (timedByBar)
        {
            BarEndToClient.Record(receivedMs - eventMs);
            return;
        }
        EventToClient.Record(receivedMs - eventMs);
        EventToPublish.Record(publishedMs - eventMs);
    }
}
