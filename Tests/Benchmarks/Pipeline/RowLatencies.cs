namespace Scanner.Benchmarks.Pipeline;

/// <summary>
/// The latencies of changed ranking rows: event to client, split by what timed the row's last change (a bar is
/// timed by its window end, anything else by its own time), and event to the feed's publication in the silo.
/// </summary>
internal sealed class RowLatencies
{
    public LatencyHistogram EventToClient { get; } = new();
    public LatencyHistogram EventToClientNotBar { get; } = new();
    public LatencyHistogram EventToClientBar { get; } = new();
    public LatencyHistogram EventToPublish { get; } = new();

    public void Record(long eventMs, bool timedByBar, long publishedMs, long receivedMs)
    {
        var toClient = receivedMs - eventMs;
        EventToClient.Record(toClient);
        (timedByBar ? EventToClientBar : EventToClientNotBar).Record(toClient);
        EventToPublish.Record(publishedMs - eventMs);
    }
}
