namespace Scanner.Tests.Integration.Soak;

/// <summary>
/// What the soak reads every 30 s. Memory in MiB (RSS from /proc, the GC heap after the last collection from the
/// process's /metrics; -1 when not exported); queue depths summed over the run's RabbitMQ queues; the listener's frame
/// buffer (frames) and publishing backlog (events held); what the listener counted lost (frames shed, expired or
/// skipped, events failed to publish) and the gateway dropped (stale updates, slow clients closed), the client's
/// updates and their latency (silo publication to receipt), each over the window before the sample.
/// </summary>
public sealed record SoakSample(
    TimeSpan At,
    double SiloRssMiB,
    double SiloHeapMiB,
    double GatewayRssMiB,
    double GatewayHeapMiB,
    long QueueReady,
    long QueueUnacknowledged,
    long BufferedFrames,
    long HeldEvents,
    long PublishedEvents,
    long FeedLossInWindow,
    long GatewayDropsInWindow,
    long ClientUpdates,
    long LatencyP50Ms,
    long LatencyP99Ms)
{
    public const string Header =
        "|    t | silo RSS | silo heap | gw RSS | gw heap | queue ready | queue unacked | buffered frames | held events | published | feed loss | gw drops | updates | latency p50 | p99 |\n"
        + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public string Row() =>
        $"| {At.TotalSeconds,4:0} | {SiloRssMiB,8:0} | {SiloHeapMiB,9:0} | {GatewayRssMiB,6:0} | {GatewayHeapMiB,7:0} | {QueueReady,11} | {QueueUnacknowledged,13} "
        + $"| {BufferedFrames,15} | {HeldEvents,11} | {PublishedEvents,9} | {FeedLossInWindow,9} | {GatewayDropsInWindow,8} | {ClientUpdates,7} | {LatencyP50Ms,11} | {LatencyP99Ms,3} |";
}
