using System.Diagnostics;
using Scanner.ScannerFeeds;
using Scanner.Tests.Support.Launcher;
using Scanner.Tests.Support.Reporting;
using Xunit.Abstractions;

namespace Scanner.Tests.Integration.Soak;

/// <summary>
/// The real system as processes (a synthetic market in the simulator, a silo on the real Redis and RabbitMQ, the gateway
/// with a page's socket on the rankings) for <c>SCANNER_SOAK_SECONDS</c> (120 by default; <c>scripts/test.sh --soak
/// 600</c> runs it alone for ten minutes). Every 30 s it samples memory, queue depths, the listener's backlog and the
/// client's update latency (<see cref="SoakProbe"/>), prints the table, and asserts that the last third of the run is
/// no worse than the middle third, with generous margins, and that nothing was lost silently: once the market is
/// paused, every frame the simulator sent was parsed or counted as lost by the listener.
/// </summary>
public class SoakTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>Before the first sample: cold tickers activate and hydrate, the first rankings go out.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Memory_queues_backlog_and_latency_stay_flat_and_nothing_is_lost()
    {
        var duration = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("SCANNER_SOAK_SECONDS"), out var s) && s >= 90 ? s : 120);
        await using var system = await ScannerSystem.StartAsync(new SystemSettings
        {
            Silos = 1,
            Redis = TestInfrastructure.Redis,
            RabbitMq = TestInfrastructure.RabbitMq,
            // A steady market a busy 2-core machine carries: 1,000 tickers, 1,000 events a second in real time.
            Simulator = new SimulatorSettings { Source = "Synthetic", Speed = 1, Start = "10:00", Tickers = 1000, Rate = 1000 },
            QueueCount = 2,
            Users = new Dictionary<string, string> { [TestSystem.User] = TestSystem.Password },
            LogLevel = "Warning",
        });
        await using var client = await UpdateLatencyRecorder.StartAsync(system.GatewayUri, TestSystem.User, TestSystem.Password,
            ScannerFeedNames.Lists.Where(f => f.StartsWith("scanners:top_", StringComparison.Ordinal)));
        using var probe = new SoakProbe(system, client);
        await Task.Delay(WarmUp);
        client.TakeWindow();

        var samples = new List<SoakSample>();
        var clock = Stopwatch.StartNew();
        for (var due = TimeSpan.Zero; due <= duration && client.Failure is null; due += Interval)
        {
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            var sample = await probe.SampleAsync(clock.Elapsed);
            samples.Add(sample);
            output.WriteLine(sample.Row());
        }
        await probe.PauseMarketAsync();
        var unaccounted = await probe.UnaccountedFramesAsync();
        await Polling.WaitForAsync(async () => (unaccounted = await probe.UnaccountedFramesAsync()) == 0, TimeSpan.FromMinutes(1));
        var report = $"soak of {duration.TotalSeconds:0} s (SCANNER_SOAK_SECONDS), sampled every {Interval.TotalSeconds:0} s after "
            + $"{WarmUp.TotalSeconds:0} s of warm-up; memory in MiB, latency in ms, loss and updates per window; {unaccounted} frames lost silently\n{SoakSample.Header}\n{string.Join('\n', samples.Select(x => x.Row()))}\n";
        output.WriteLine(report);
        // Next to the fault report, where scripts/test.sh prints it at the end of the run.
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(FaultReport.FilePath)!, "soak-report.md"), report);

        Assert.Null(client.Failure);
        var middle = samples.Where(x => x.At > duration / 3 && x.At <= duration * 2 / 3).ToList();
        var last = samples.Where(x => x.At > duration * 2 / 3).ToList();
        Assert.True(middle.Count > 0 && last.Count > 0, $"too few samples ({samples.Count}) to compare thirds");
        Flat("silo RSS", middle, last, x => x.SiloRssMiB, factor: 1.5, slack: 128);
        Flat("silo GC heap", middle, last, x => x.SiloHeapMiB, factor: 1.5, slack: 128);
        Flat("gateway RSS", middle, last, x => x.GatewayRssMiB, factor: 1.5, slack: 64);
        Flat("gateway GC heap", middle, last, x => x.GatewayHeapMiB, factor: 1.5, slack: 64);
        Flat("queue messages", middle, last, x => x.QueueReady + x.QueueUnacknowledged, factor: 2, slack: 5_000);
        Flat("buffered frames", middle, last, x => x.BufferedFrames, factor: 2, slack: 500);
        Flat("held events", middle, last, x => x.HeldEvents, factor: 2, slack: 20_000);
        // Update latency is in the report above, a figure and not a verdict: a busy machine moves it (timing never decides a test).
        // Every frame the simulator sent was parsed or counted; counted loss (a busy machine expires frames) does not grow.
        Assert.Equal(0, unaccounted);
        Flat("frames lost (counted)", middle, last, x => x.FeedLossInWindow, factor: 2, slack: 1_000);
        Flat("updates dropped by the gateway", middle, last, x => x.GatewayDropsInWindow, factor: 2, slack: 100);
        Assert.All(samples.Skip(1), x => Assert.True(x.ClientUpdates > 0, $"no ranking update in the window before {x.At.TotalSeconds:0} s"));
        Assert.True(samples[^1].PublishedEvents > samples[0].PublishedEvents, "the listener published nothing during the soak");
    }

    /// <summary>The mean of the last third may exceed the middle third's by <paramref name="factor"/> and <paramref name="slack"/> at most.</summary>
    private static void Flat(string what, List<SoakSample> middle, List<SoakSample> last, Func<SoakSample, double> value, double factor, double slack)
    {
        var (before, after) = (middle.Average(value), last.Average(value));
        Assert.True(after <= before * factor + slack, $"{what} grew from {before:0} (middle third) to {after:0} (last third)");
    }
}
