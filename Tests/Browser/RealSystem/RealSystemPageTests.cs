using Microsoft.Playwright;
using Scanner.Tests.Support.Launcher;

namespace Scanner.Tests.Browser.RealSystem;

/// <summary>
/// The page against the real system, not the fake: simulator replaying the real day, a silo process on real
/// Redis and RabbitMQ, the gateway process serving the page. What a trader sees on a fresh install.
/// </summary>
[Collection(ScannerSiteCollection.Name)]
public sealed class RealSystemPageTests(ScannerSite site)
{
    [Fact]
    public async Task A_trader_logs_in_and_watches_the_replayed_day_arrive_from_the_cluster()
    {
        await using var system = await TestSystem.StartAsync(silos: 1);
        await using var session = await PageSession.OpenAsync(site, gateway: system.GatewayUri);
        var page = session.Page;

        await page.OpenAsync(system.GatewayUri);
        await page.SubmitLoginAsync(TestSystem.User, TestSystem.Password);
        await page.WaitForStateAsync("live");
        // The replayed symbols trade far above the default $2-$20 filter.
        await page.SetFiltersEnabledAsync(false);

        TableSnapshot volume = null!;
        await Polling.UntilAsync(async () => (volume = await page.ReadTableAsync("top_volume")).Rows.Count >= 4,
            () => $"top volume shows {volume.Rows.Count} rows\n{system.Logs()}", TimeSpan.FromMinutes(3));
        Assert.Equal(["AIG", "BAC", "IBM", "SPY"], volume.Rows.Select(r => r.Symbol).Order());
        Assert.All(volume.Rows, r => Assert.True(r.Value("accumulated_volume") > 0, $"{r.Symbol} has volume"));

        await page.WatchAsync("quote", "SPY");
        await page.WaitForUpdatesAsync("quote", 2);
        await page.SaveScreenshotAsync("real-system.png");
    }

    /// <summary>
    /// The default demo (replayed day plus synthetic universe) with the page as it opens: every ranking table has rows
    /// within a minute of signing in, and halts, momentum and high/low alerts appear; the screenshot (demo.png in the
    /// artifacts folder) is the one kept as docs/screenshots/demo.png.
    /// </summary>
    [Fact]
    public async Task With_the_default_filters_the_demo_fills_every_table_within_a_minute_and_shows_every_alert_kind()
    {
        await using var system = await TestSystem.StartDemoAsync(silos: 1);
        await using var session = await PageSession.OpenAsync(site, gateway: system.GatewayUri);
        var page = session.Page;

        await page.OpenAsync(system.GatewayUri);
        await page.SubmitLoginAsync(TestSystem.User, TestSystem.Password);
        var signedIn = System.Diagnostics.Stopwatch.StartNew();
        await page.WaitForStateAsync("live");
        var widget = "";
        try
        {
            foreach (var ranking in ScannerPage.RankingWidgets)
            {
                widget = ranking;
                await page.WaitForRowsAsync(ranking, 1, TimeSpan.FromMinutes(1) - signedIn.Elapsed);
            }
            foreach (var alerts in ScannerPage.AlertWidgets)
            {
                widget = alerts;
                await page.WaitForRowsAsync(alerts, 1, TimeSpan.FromMinutes(5));
            }
        }
        catch (TimeoutException ex)
        {
            await page.SaveScreenshotAsync("demo-failed.png");
            throw new Xunit.Sdk.XunitException($"{widget}: {ex.Message} after {signedIn.Elapsed}\n{system.Logs()}");
        }

        await page.SaveScreenshotAsync("demo.png");
    }
}
