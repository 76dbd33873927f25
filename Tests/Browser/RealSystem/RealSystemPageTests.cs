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
        await using var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1680, Height = 960 } });
        var errors = new List<string>();
        var browserPage = await context.NewPageAsync();
        browserPage.PageError += (_, error) => errors.Add(error);
        var page = new ScannerPage(browserPage);

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

        await page.Page.GetByTestId("quote-symbol").FillAsync("SPY");
        await page.Page.GetByTestId("quote-watch").ClickAsync();
        await page.WaitForUpdatesAsync("quote", 2);

        Directory.CreateDirectory(ScannerSite.ArtifactsDirectory);
        var path = Path.Combine(ScannerSite.ArtifactsDirectory, "real-system.png");
        await page.Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.Empty(errors);
    }
}
