using System.Diagnostics.Metrics;

namespace Scanner.Ticker;

/// <summary>Counters of the ticker grains (meter <c>Scanner.Grains</c>).</summary>
internal static class TickerMetrics
{
    public static readonly Meter Meter = new("Scanner.Grains");

    public static readonly Counter<long> Activations = Meter.CreateCounter<long>("scanner.ticker.activations", description: "Ticker grain activations (their state read from storage before)");

    public static readonly Counter<long> Events = Meter.CreateCounter<long>("scanner.ticker.events", description: "Feed events delivered to ticker grains");

    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("scanner.ticker.duplicates", description: "Trades and LULD events skipped as already applied");

    public static readonly Counter<long> Stale = Meter.CreateCounter<long>("scanner.ticker.stale", description: "Events skipped as belonging to an earlier trading day");

    public static readonly Counter<long> Reports = Meter.CreateCounter<long>("scanner.ticker.reports", description: "Rows reported to ranking shards");

    public static readonly Counter<long> ChartPublishes = Meter.CreateCounter<long>("scanner.ticker.chart_publishes", description: "chart:{SYM} values built and published (only for watched symbols)");

    public static readonly Counter<long> TapePublishes = Meter.CreateCounter<long>("scanner.ticker.tape_publishes", description: "trades:{SYM} values built and published (only for watched symbols)");

    public static readonly Counter<long> OlderRowsRefused = Meter.CreateCounter<long>("scanner.ranking.older_rows_refused", description: "Rows a ranking shard refused for older figures than it held (a ticker restarted from older state)");

    public static readonly Counter<long> ShardCalls = Meter.CreateCounter<long>("scanner.ranking.shard_calls", description: "Calls from a silo's ranking reporter to a shard, each with many rows");

    public static readonly Counter<long> HydrationFailures = Meter.CreateCounter<long>("scanner.ticker.hydration_failures", description: "Failed reference data loads");
}
