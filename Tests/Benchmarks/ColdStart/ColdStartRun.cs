using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Scanner.Benchmarks.Results;
using Scanner.Tests.Support.Launcher;
using Scanner.Tests.Support.Measuring;

namespace Scanner.Benchmarks.ColdStart;

/// <summary>
/// Issue 12's cold start (not a BenchmarkDotNet benchmark), on real processes: the synthetic simulator (10,000
/// tickers, 50,000 events/s), one silo on this run's empty Redis and RabbitMQ, no gateway. From the silo's
/// <c>/metrics</c> and <c>/health</c> and the simulator's <c>/health</c>, once a second: ticker activations and their
/// state reads (Orleans' storage read latency), hydrations (from the bulk table or per ticker) and the wait from a
/// ticker's first event to its reference (p50/p99), REST calls at the simulator, and every event shed, expired,
/// dropped or failed at any stage. Ends when every ticker is hydrated (or the time limit passes). With
/// <c>--restart</c> it then kills the silo mid-session and starts it again, its state in Redis, and measures until
/// every ticker is active again. Each phase emits a result record (case <c>cold</c> or <c>restart</c>).
/// <code>dotnet run -c Release --project Tests/Benchmarks -- coldstart [--tickers 10000] [--rate 50000] [--limit 300] [--restart]</code>
/// </summary>
internal static class ColdStartRun
{
    /// <summary>How long the restart variant lets the session run first, so every ticker's state has been written behind.</summary>
    private static readonly TimeSpan SessionBeforeRestart = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(string[] args)
    {
        var tickers = LoadRunArguments.Int(args, "--tickers", 10_000);
        var rate = LoadRunArguments.Double(args, "--rate", 50_000);
        var limit = TimeSpan.FromSeconds(LoadRunArguments.Int(args, "--limit", 300));
        var restart = args.Contains("--restart");
        var settings = new SystemSettings
        {
            Silos = 1,
            Gateway = false,
            Redis = Environment.GetEnvironmentVariable("SCANNER_TEST_REDIS") ?? throw new ArgumentException("Set SCANNER_TEST_REDIS (scripts/infra.sh up)."),
            RabbitMq = Environment.GetEnvironmentVariable("SCANNER_TEST_RABBITMQ") ?? throw new ArgumentException("Set SCANNER_TEST_RABBITMQ (scripts/infra.sh up)."),
            Simulator = new SimulatorSettings { Source = "Synthetic", Tickers = tickers, Rate = rate },
            LogLevel = "Warning",
            // The restarted silo takes the listener lease over from the killed one after this long.
            SiloOverrides = new Dictionary<string, string> { ["Feed__LeaseDuration"] = "00:00:06" },
        };
        Console.WriteLine($"cold start: {tickers:N0} synthetic tickers at {rate:N0} events/s, one silo, empty Redis{(restart ? ", then a silo restart" : "")}");
        await using var system = await ScannerSystem.StartAsync(settings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var cold = await MeasureAsync(http, system, "cold", tickers, rate, limit, LossCounters.None, m => m.Sum("scanner_ticker_hydrated_total"));
        var ok = cold;
        if (restart)
        {
            await Task.Delay(SessionBeforeRestart);
            // The simulator's counters run across the restart: the phase counts from their value at the kill.
            var baseline = await Sample.SimulatorLossAsync(http, system.SimulatorUri);
            await system.RestartAsync(system.Silo(0));
            // State from Redis: the day's reference came with it, so activation is all there is to wait for.
            ok &= await MeasureAsync(http, system, "restart", tickers, rate, limit, baseline, m => m.Sum("scanner_ticker_activations_total"));
        }
        Console.WriteLine($"logs in {system.RunDirectory}");
        return ok ? 0 : 1;
    }

    /// <summary>
    /// Samples once a second until <paramref name="done"/> counts every ticker; true when it did and nothing was lost
    /// since <paramref name="baseline"/> (the loss counted when the phase began).
    /// </summary>
    private static async Task<bool> MeasureAsync(
        HttpClient http, ScannerSystem system, string phase, int tickers, double rate, TimeSpan limit, LossCounters baseline, Func<SiloMetrics, double> done)
    {
        var silo = system.SiloHealth[0];
        var start = Stopwatch.GetTimestamp();
        TimeSpan? firstEvent = null;
        Sample? sample = null;
        var doneSeries = new List<double[]>();
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var elapsed = Stopwatch.GetElapsedTime(start);
            try
            {
                sample = await Sample.TakeAsync(http, silo, system.SimulatorUri, baseline);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // A saturated silo answers late or not at all: say so and sample again.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {phase} t={elapsed.TotalSeconds,5:F0}s no answer ({ex.GetType().Name})"));
                continue;
            }
            if (firstEvent is null && sample.Published > 0)
            {
                firstEvent = elapsed;
            }
            doneSeries.Add([Math.Round(elapsed.TotalSeconds, 1), done(sample.Metrics)]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {phase} t={elapsed.TotalSeconds,5:F0}s published={sample.Published,10:N0} activations={sample.Metrics.Sum("scanner_ticker_activations_total"),6:N0} " +
                $"hydrated={sample.Metrics.Sum("scanner_ticker_hydrated_total"),6:N0} (bulk {sample.Metrics.Sum("scanner_hydration_bulk_hits_total"):N0}, " +
                $"per ticker {sample.Metrics.Sum("scanner_hydration_fallbacks_total"):N0}) lost={sample.Lost}"));
        }
        while ((sample is null || done(sample.Metrics) < tickers) && Stopwatch.GetElapsedTime(start) < limit);

        if (sample is null)
        {
            Console.WriteLine($"RESULT {phase}: the silo never answered within {limit.TotalSeconds:F0} s");
            return false;
        }
        var total = Stopwatch.GetElapsedTime(start);
        var m = sample.Metrics;
        var reads = m.Sum("orleans_storage_read_latency_milliseconds_count");
        var readMs = m.Sum("orleans_storage_read_latency_milliseconds_sum");
        var all = done(m) >= tickers;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT {phase}: {(all ? "every" : "NOT every")} ticker ({done(m):N0} of {tickers:N0}) in {total.TotalSeconds:F1} s after the silo answered " +
            $"({(total - (firstEvent ?? TimeSpan.Zero)).TotalSeconds:F1} s after its first published event); " +
            $"activations {m.Sum("scanner_ticker_activations_total"):N0}, state reads {reads:N0} averaging {(reads > 0 ? readMs / reads : 0):F1} ms; " +
            $"hydrated {m.Sum("scanner_ticker_hydrated_total"):N0} (bulk {m.Sum("scanner_hydration_bulk_hits_total"):N0}, per ticker {m.Sum("scanner_hydration_fallbacks_total"):N0}, " +
            $"bulk loads {m.Sum("scanner_hydration_bulk_loads_total"):N0}), first event to hydrated p50 <= {m.Quantile("scanner_ticker_hydration_wait_milliseconds", 0.5)} ms " +
            $"p99 <= {m.Quantile("scanner_ticker_hydration_wait_milliseconds", 0.99)} ms; bulk requests {m.Sum("scanner_hydration_bulk_request_duration_milliseconds_count"):N0}, " +
            $"each p50 <= {m.Quantile("scanner_hydration_bulk_request_duration_milliseconds", 0.5)} ms p99 <= {m.Quantile("scanner_hydration_bulk_request_duration_milliseconds", 0.99)} ms; " +
            $"REST calls at the simulator {sample.RestCalls}; lost: {sample.Lost}"));
        // A phase that never got every ticker still reports its time (the limit, at least): a miss, not a gap.
        new BenchmarkResult("coldstart", phase)
        {
            Metrics =
            {
                ["tickers"] = tickers,
                ["offered_per_s"] = rate,
                ["all_hydrated_after_first_event_s"] = (total - (firstEvent ?? TimeSpan.Zero)).TotalSeconds,
                ["all_hydrated_after_start_s"] = total.TotalSeconds,
                ["tickers_not_done"] = Math.Max(0, tickers - done(m)),
                ["first_event_to_hydrated_p50_ms"] = m.Quantile("scanner_ticker_hydration_wait_milliseconds", 0.5),
                ["first_event_to_hydrated_p99_ms"] = m.Quantile("scanner_ticker_hydration_wait_milliseconds", 0.99),
                ["activations"] = m.Sum("scanner_ticker_activations_total"),
                ["state_read_avg_ms"] = reads > 0 ? readMs / reads : double.NaN,
                ["hydrated_from_bulk"] = m.Sum("scanner_hydration_bulk_hits_total"),
                ["hydrated_per_ticker"] = m.Sum("scanner_hydration_fallbacks_total"),
                ["lost"] = sample.Lost.Total,
            },
            Series = { ["done"] = doneSeries },
        }.Emit();
        return all && sample.Lost.Total == 0;
    }

    /// <summary>The silo's metrics and health counters and the simulator's, at one instant; the loss since a baseline.</summary>
    private sealed record Sample(SiloMetrics Metrics, long Published, LossCounters Lost, string RestCalls)
    {
        private const string SimulatorDropped = "simulator dropped";

        /// <summary>The simulator's own loss counters (the ones that outlive a silo restart).</summary>
        public static async Task<LossCounters> SimulatorLossAsync(HttpClient http, Uri simulator) =>
            new([(SimulatorDropped, Long((await GetJsonAsync(http, new Uri(simulator, "health")))["eventsDropped"]))]);

        public static async Task<Sample> TakeAsync(HttpClient http, Uri siloHealth, Uri simulator, LossCounters baseline)
        {
            var metrics = await SiloMetrics.ScrapeAsync(http, new Uri(siloHealth, "/metrics"));
            var health = await GetJsonAsync(http, siloHealth);
            var sim = await GetJsonAsync(http, new Uri(simulator, "health"));
            var counters = health["listener"]?["counters"];
            var streams = health["streams"]?.AsArray() ?? [];
            var lost = new (string What, long Count)[]
            {
                (SimulatorDropped, Long(sim["eventsDropped"])),
                ("frames shed", Long(counters?["droppedFrames"])),
                ("frames expired", Long(counters?["expiredFrames"])),
                ("events failed to publish", Long(counters?["publishFailedEvents"])),
                ("stream messages dropped", streams.Sum(s => Long(s?["droppedMessages"]))),
                ("stream messages dead-lettered", streams.Sum(s => Long(s?["deadLetteredTotal"]))),
            };
            var rest = sim["restRequests"]?.AsObject().Select(p => $"{p.Key} {Long(p.Value)}") ?? [];
            return new Sample(metrics, Long(counters?["publishedEvents"]), new LossCounters(lost).Since(baseline), string.Join(", ", rest));
        }

        /// <summary>The body of a health endpoint (an unhealthy one answers 503 with the same body).</summary>
        private static async Task<JsonNode> GetJsonAsync(HttpClient http, Uri uri)
        {
            using var response = await http.GetAsync(uri);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? new JsonObject();
        }

        private static long Long(JsonNode? node) => node is null ? 0 : (long)node.GetValue<double>();
    }
}
