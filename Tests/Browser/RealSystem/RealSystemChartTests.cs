using System.Text.Json;
using Microsoft.Playwright;
using Scanner.Simulator;
using Scanner.Simulator.Replay;
using Scanner.Tests.Support.Launcher;

namespace Scanner.Tests.Browser.RealSystem;

/// <summary>
/// The chart and time and sales on the real system: the simulator replays the real day, the silo builds the minute
/// candles and the tape from the replayed trades, the gateway serves them to the page. What the page draws is
/// checked against the raw LEAN ticks the simulator replays.
/// </summary>
[Collection(ScannerSiteCollection.Name)]
public sealed class RealSystemChartTests(ScannerSite site)
{
    private const string Symbol = "SPY";

    /// <summary>09:31 New York on the replayed day (13:31 UTC): a regular-session minute the replay (from 09:29) covers whole.</summary>
    private static readonly DateTimeOffset Minute = new(2013, 10, 7, 13, 31, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_chart_and_time_and_sales_of_a_replayed_symbol_show_its_replayed_trades()
    {
        var ticks = LeanCsv.ReadTicks(Path.Combine(new SimulatorOptions().ResolveDataFolder(), "tick", $"{Symbol.ToLowerInvariant()}_20131007_trade.zip"),
                SimulatorOptions.SampleDay)
            .Where(t => !t.Suspicious && t.Size > 0)   // the replay skips these, as SymbolReplay says
            .ToList();
        var start = Minute.ToUnixTimeMilliseconds();
        var minute = ticks.Where(t => t.UnixMs >= start && t.UnixMs < start + 60_000).ToList();
        Assert.NotEmpty(minute);

        await using var system = await TestSystem.StartAsync(silos: 1);
        await using var session = await PageSession.OpenAsync(site, gateway: system.GatewayUri);
        var page = session.Page;
        await page.OpenAsync(system.GatewayUri);
        await page.SubmitLoginAsync(TestSystem.User, TestSystem.Password);
        await page.WaitForStateAsync("live");
        await page.WatchAsync("quote", Symbol);   // the red group: the chart and time and sales follow
        await Assertions.Expect(page.Widget("chart")).ToHaveAttributeAsync("data-symbol", Symbol);

        // Wait until the chart shows a later minute, so the one checked is closed.
        ChartSnapshot chart = null!;
        await Polling.UntilAsync(async () => (chart = await page.ReadChartAsync()).Candles.Any(c => c.Time >= Minute.ToUnixTimeSeconds() + 60),
            () => $"the chart shows {chart.Candles.Count} candles, the last at {chart.Candles.LastOrDefault()?.Time}\n{system.Logs()}", TimeSpan.FromMinutes(3));
        var candle = Assert.Single(chart.Candles, c => c.Time == Minute.ToUnixTimeSeconds());
        Assert.Equal(Price(minute[0]), candle.Open, 6);
        Assert.Equal(minute.Max(Price), candle.High, 6);
        Assert.Equal(minute.Min(Price), candle.Low, 6);
        Assert.Equal(Price(minute[^1]), candle.Close, 6);
        Assert.Equal(minute.Sum(t => (double)t.Size), Assert.Single(chart.Volume, v => v.Time == candle.Time).Value);

        // Time and sales: the tape fills from the moment the page watches; every trade shown is a replayed trade.
        await page.WaitForRowsAsync("trades", 5);
        var shown = JsonSerializer.Deserialize<double[][]>(await page.Page.EvaluateAsync<string>(
            "() => JSON.stringify([...document.querySelectorAll('#w-trades tbody tr')].map(tr => [Number(tr.dataset.t), Number(tr.dataset.p), Number(tr.dataset.s)]))"))!;
        var replayed = ticks.Select(t => (t.UnixMs, Math.Round(Price(t), 4), t.Size)).ToHashSet();
        Assert.All(shown, t => Assert.Contains(((long)t[0], Math.Round(t[1], 4), (long)t[2]), replayed));
        Assert.Equal(shown.Select(t => t[0]).OrderDescending(), shown.Select(t => t[0]));   // newest first
    }

    private static double Price(LeanTick tick) => tick.PriceDeciCents / 10_000.0;
}
