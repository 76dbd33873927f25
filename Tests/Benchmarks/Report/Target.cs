namespace Scanner.Benchmarks.Report;

/// <summary>
/// A figure the issue sets a target for: <see cref="Metric"/> of <see cref="Benchmark"/> against
/// <see cref="Value"/>, or against the same metric of <see cref="ReferenceCase"/> (our provider against NATS). With no
/// <see cref="Case"/>, the case with the best median is judged (the highest offered load that was sustained).
/// </summary>
internal sealed record Target(string Figure, string Benchmark, string Metric, bool AtLeast, double Value = double.NaN,
    string? Case = null, string? ReferenceCase = null)
{
    /// <summary>The targets (issue 12, performance), in the report's order.</summary>
    public static readonly Target[] All =
    [
        new("parser: events/s on one core", "frameparser", "ops_per_s", AtLeast: true, 2_000_000),
        new("provider: ours, events/s vs NATS JetStream", "providers", "events_per_s", AtLeast: true, Case: "rabbitmq", ReferenceCase: "nats"),
        new("provider: ours, p99 delivery vs NATS JetStream", "providers", "p99_ms", AtLeast: false, Case: "rabbitmq", ReferenceCase: "nats"),
        new("listener to grains: events/s", "listener", "events_per_s", AtLeast: true, 250_000),
        new("pipeline: events/s sustained at 10,000 tickers", "pipeline", "published_per_s", AtLeast: true, 100_000),
        new("pipeline: events lost after warm-up", "pipeline", "lost_after_warmup", AtLeast: false, 0),
        new("pipeline: silo memory (MB, peak after warm-up)", "pipeline", "peak_rss_mb", AtLeast: false, 1024),
        new("page: event to quote p99 (ms)", "rankings", "event_to_quote_p99_ms", AtLeast: false, 250),
        new("page: event to high/low, halt or momentum alert p99 (ms)", "rankings", "event_to_alert_p99_ms", AtLeast: false, 250),
        new("page: event to ranking p99 (ms)", "rankings", "event_to_ranking_p99_ms", AtLeast: false, 1300),
        new("cold start: first event to every ticker hydrated (s)", "coldstart", "all_hydrated_after_first_event_s", AtLeast: false, 10, Case: "cold"),
        new("cold start: events shed or expired", "coldstart", "lost", AtLeast: false, 0, Case: "cold"),
        new("silo restart: first event to every ticker active (s)", "coldstart", "all_hydrated_after_first_event_s", AtLeast: false, 10, Case: "restart"),
        new("silo restart: events shed or expired", "coldstart", "lost", AtLeast: false, 0, Case: "restart"),
        new("gateway: messages/s to 1,000 clients", "gateway", "messages_per_s", AtLeast: true, 200_000),
        new("gateway: healthy p99 with stalled clients / without", "gateway", "stalled_p99_ratio", AtLeast: false, 1.5),
    ];

    public bool Met(double measured, double target) => AtLeast ? measured >= target : measured <= target;
}
