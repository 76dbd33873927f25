using Scanner.Benchmarks.Results;
using Scanner.Tests.Support.Measuring;
using System.Net.WebSockets;
using System.Text.Json;
using Scanner.ScannerFeeds;

namespace Scanner.Benchmarks.Pipeline;

/// <summary>
/// Event-to-published-ranking, event-to-quote and event-to-alert latency of a running pipeline (simulator -> silo ->
/// gateway), measured where a page sees it: one gateway client subscribes to the ranking feeds, the alert lists and
/// the <c>quote:{SYM}</c> of the first <see cref="QuoteSymbols"/> symbols of top_volume (the most active: a page shows
/// quotes of what its rankings list) and, for every ranking row (and quote) that changed between consecutive
/// publications of a feed, records (time the publication was received) - (time of the event that changed the row,
/// the row's <c>last_event_timestamp</c>, moved from the simulator's market clock to the wall clock), split at the
/// feed's publication (<c>published_at</c>). The result counts rows timed by an event's own time; rows timed by a
/// bar's window end are reported apart (<see cref="RowLatencies"/>). The cadence (<c>ScannerOptions</c>) shapes it:
/// a ticker reports at once then at most every 250 ms, shards merge every 250 ms, a feed publishes at most once a
/// second, so an idle pipeline stays within about 1.5 s plus transport. A quote is timed the same way as a ranking
/// row; an alert new in its list by its <c>timestamp</c> (<see cref="AlertArrivalDetector"/>).
/// Usage: <c>rankings --gateway ws://127.0.0.1:4392/ws --simulator http://127.0.0.1:4390 [--key K] [--warmup 10]
/// [--seconds 30] [--case NAME]</c> (the result record's case; the pipeline's load); the first publications during the warm-up only set each feed's baseline.
/// </summary>
internal static class RankingsLoadRun
{
    private static readonly string[] Feeds =
        [ScannerFeedNames.TopGainers, ScannerFeedNames.TopVolume, ScannerFeedNames.TopGappers, ScannerFeedNames.TopLosers, ScannerFeedNames.TopRelativeVolume];

    private static readonly string[] AlertFeeds =
        [ScannerFeedNames.Halts, ScannerFeedNames.Momentum, ScannerFeedNames.HighOfDayAlerts, ScannerFeedNames.LowOfDayAlerts];

    /// <summary>How many of the most active symbols' quotes the page watches.</summary>
    private const int QuoteSymbols = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var gateway = new Uri(LoadRunArguments.Text(args, "--gateway") ?? "ws://127.0.0.1:4392/ws");
        var simulator = new Uri(LoadRunArguments.Text(args, "--simulator") ?? "http://127.0.0.1:4390");
        var key = LoadRunArguments.Text(args, "--key");
        var warmup = TimeSpan.FromSeconds(LoadRunArguments.Double(args, "--warmup", 10));
        var seconds = LoadRunArguments.Double(args, "--seconds", 30);
        var resultCase = LoadRunArguments.Text(args, "--case") ?? "pipeline";

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var (offset, uncertainty) = await SimulatorClock.MeasureOffsetAsync(http, simulator);
        // The windows start now, like bench.sh's monitor: finding the quotes to watch is part of the warm-up.
        var measuring = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + (long)warmup.TotalMilliseconds;
        var end = DateTimeOffset.UtcNow + warmup + TimeSpan.FromSeconds(seconds);
        string[] quoteFeeds = [.. (await MostActiveAsync(end)).Select(ScannerFeedNames.Quote)];
        await using var client = await RankingFeedClient.ConnectAsync(gateway, key, [.. Feeds, .. AlertFeeds, .. quoteFeeds], CancellationToken.None);
        var detectors = Feeds.Concat(quoteFeeds).ToDictionary(f => f, _ => new RankingChangeDetector(), StringComparer.Ordinal);
        var alertDetectors = AlertFeeds.ToDictionary(f => f, _ => new AlertArrivalDetector(), StringComparer.Ordinal);
        var versions = detectors.Keys.Concat(AlertFeeds).ToDictionary(f => f, _ => 0L, StringComparer.Ordinal);
        var (latencies, quoteLatencies, alertLatencies) = (new RowLatencies(), new RowLatencies(), new RowLatencies());
        var publishToClient = new LatencyHistogram();

        // One read loop for both phases: cancelling a WebSocket receive aborts the socket.
        await ReadAsync(client, end - DateTimeOffset.UtcNow, versions, (feed, data, published, received) =>
        {
            var measured = received >= measuring;
            if (alertDetectors.TryGetValue(feed, out var alerts))
            {
                alerts.Apply(data, published + offset, received + offset, measured ? alertLatencies : null);
                return;
            }
            var quote = quoteFeeds.Contains(feed);
            if (measured && !quote)
            {
                publishToClient.Record(received - published);
            }
            detectors[feed].Apply(data, published + offset, received + offset, measured ? (quote ? quoteLatencies : latencies) : null);
        });
        var (offsetAfter, _) = await SimulatorClock.MeasureOffsetAsync(http, simulator);

        Console.WriteLine($"rankings: market clock offset {offset} ms (+-{uncertainty} ms, {offsetAfter - offset:+0;-0;0} ms at the end); "
            + "publications per feed: " + string.Join(", ", Feeds.Select(f =>
                $"{f["scanners:".Length..]} {detectors[f].Publications} ({detectors[f].Publications / seconds:0.00}/s)")));
        var all = Feeds.Select(f => detectors[f]).ToList();
        Console.WriteLine($"rankings: rows changed {all.Sum(d => d.ChangedRows):N0}, timed {all.Sum(d => d.SampledRows):N0}, "
            + $"changed without a newer event {all.Sum(d => d.ChangedWithoutNewerEvent):N0}, entered a list {all.Sum(d => d.EnteredRows):N0}, "
            + $"malformed {all.Sum(d => d.MalformedRows):N0}; rows timed by a bar's window end (not exact on the synthetic feed) "
            + $"{latencies.BarEndToClient.Summary()}");
        Console.WriteLine($"RESULT event-to-ranking at the client {latencies.EventToClient.Summary()}, "
            + $"event-to-publish {latencies.EventToPublish.Summary()}, publish-to-client {publishToClient.Summary()}, "
            + $"{all.Sum(d => d.Publications) / seconds:0.0} publications/s over {Feeds.Length} feeds");
        Console.WriteLine($"RESULT event-to-quote at the client ({string.Join(" ", quoteFeeds)}) {quoteLatencies.EventToClient.Summary()}, "
            + $"event-to-publish {quoteLatencies.EventToPublish.Summary()}; rows timed by a bar's window end {quoteLatencies.BarEndToClient.Summary()}");
        Console.WriteLine($"RESULT event-to-alert at the client {alertLatencies.EventToClient.Summary()}, event-to-publish {alertLatencies.EventToPublish.Summary()}; "
            + "new alerts per list: " + string.Join(", ", alertDetectors.Select(d => $"{d.Key} {d.Value.NewAlerts} ({d.Value.MalformedAlerts} malformed)")));
        new BenchmarkResult("rankings", resultCase)
        {
            Metrics =
            {
                ["event_to_ranking_p50_ms"] = Ms(latencies.EventToClient, 0.5),
                ["event_to_ranking_p99_ms"] = Ms(latencies.EventToClient, 0.99),
                ["event_to_publish_p50_ms"] = Ms(latencies.EventToPublish, 0.5),
                ["event_to_publish_p99_ms"] = Ms(latencies.EventToPublish, 0.99),
                ["publish_to_client_p50_ms"] = Ms(publishToClient, 0.5),
                ["publish_to_client_p99_ms"] = Ms(publishToClient, 0.99),
                ["timed_rows"] = latencies.EventToClient.Count,
                ["event_to_quote_p50_ms"] = Ms(quoteLatencies.EventToClient, 0.5),
                ["event_to_quote_p99_ms"] = Ms(quoteLatencies.EventToClient, 0.99),
                ["timed_quotes"] = quoteLatencies.EventToClient.Count,
                ["event_to_alert_p50_ms"] = Ms(alertLatencies.EventToClient, 0.5),
                ["event_to_alert_p99_ms"] = Ms(alertLatencies.EventToClient, 0.99),
                ["alert_to_publish_p99_ms"] = Ms(alertLatencies.EventToPublish, 0.99),
                ["timed_alerts"] = alertLatencies.EventToClient.Count,
                ["publications_per_s"] = all.Sum(d => d.Publications) / seconds,
            },
            Warmup = { ["seconds"] = warmup.TotalSeconds },
        }.Emit();
        return latencies.EventToClient.Count > 0 ? 0 : 1;

        // No sample is no figure (NaN, left out of the report's medians), not a latency of 0.
        static double Ms(LatencyHistogram histogram, double quantile) => histogram.Count > 0 ? histogram.Quantile(quantile) : double.NaN;

        // The first symbols of the first non-empty top_volume publication before the run's end (none if it has none).
        async Task<IEnumerable<string>> MostActiveAsync(DateTimeOffset until)
        {
            await using var ranking = await RankingFeedClient.ConnectAsync(gateway, key, [ScannerFeedNames.TopVolume], CancellationToken.None);
            var symbols = new List<string>();
            var seen = new Dictionary<string, long> { [ScannerFeedNames.TopVolume] = 0 };
            await ReadAsync(ranking, until - DateTimeOffset.UtcNow, seen, (_, data, _, _) =>
            {
                if (symbols.Count == 0 && data.ValueKind == JsonValueKind.Array)
                {
                    symbols.AddRange(data.EnumerateArray().Take(QuoteSymbols).Select(r => r.GetProperty("symbol"u8).GetString()!));
                }
            }, stopWhen: () => symbols.Count > 0);
            return symbols;
        }

        // Reads messages for a while (or until stopWhen); each feed update newer than the last one seen goes to handle.
        static async Task ReadAsync(RankingFeedClient socket, TimeSpan duration, Dictionary<string, long> versions,
            Action<string, JsonElement, long, long> handle, Func<bool>? stopWhen = null)
        {
            using var stop = new CancellationTokenSource(duration > TimeSpan.Zero ? duration : TimeSpan.Zero);
            try
            {
                while (stopWhen?.Invoke() != true && await socket.ReceiveAsync(stop.Token) is (var message, var received))
                {
                    using var json = JsonDocument.Parse(message);
                    var root = json.RootElement;
                    if (root.TryGetProperty("status"u8, out var status) && !status.ValueEquals("subscribed"u8))
                    {
                        throw new InvalidOperationException($"The gateway answered {root.GetRawText()}");
                    }
                    if (root.TryGetProperty("feed"u8, out var feedName) && feedName.GetString() is { } feed
                        && versions.TryGetValue(feed, out var seen) && root.TryGetProperty("data"u8, out var data)
                        && data.ValueKind is JsonValueKind.Array or JsonValueKind.Object
                        && root.GetProperty("version"u8).GetInt64() is var version && version > seen)
                    {
                        versions[feed] = version;
                        handle(feed, data, root.GetProperty("published_at"u8).GetInt64(), received);
                    }
                }
                if (stopWhen?.Invoke() != true)
                {
                    throw new InvalidOperationException("The gateway closed the socket");
                }
            }
            catch (Exception ex) when (stop.IsCancellationRequested && ex is OperationCanceledException or WebSocketException)
            {
                // the run's end
            }
        }
    }
}
