using Microsoft.Playwright;

namespace Scanner.Tests.Browser;

/// <summary>The scanner page in headless Chromium: login, live rows, sorting, filters, colours, quote, reconnect.
/// The trader's features (chart, linking, layouts, sound, keyboard) are in <see cref="TraderPageTests"/>.</summary>
[Collection(ScannerSiteCollection.Name)]
public sealed class ScannerPageTests(ScannerSite site) : IAsyncLifetime
{
    private static readonly string[] Scanners = ["top_gainers", "top_gappers", "top_volume", "top_losers", "top_relative_volume"];

    private PageSession _session = null!;
    private ScannerPage _page = null!;

    public async Task InitializeAsync()
    {
        _session = await PageSession.OpenAsync(site);
        _page = _session.Page;
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task Logging_in_shows_live_rows_in_every_scanner_over_one_socket()
    {
        await _page.OpenAndLogInAsync(site);
        await _page.SetFiltersEnabledAsync(false);

        foreach (var scanner in Scanners) await _page.WaitForRowsAsync(scanner, 10);
        await _page.WaitForUpdatesAsync("top_gainers", 3);
        Assert.Equal("Live", (await _page.ConnectionStatus.InnerTextAsync()).Trim());
        Assert.NotEqual("never", await _page.Widget("top_gainers").GetByTestId("age").InnerTextAsync());
        Assert.Matches(@"^\d\d:\d\d:\d\d$", await _page.Widget("top_gainers").GetByTestId("data-time").InnerTextAsync());

        if (site.Local is { } local)
        {
            var session = Assert.Single(local.Sessions);   // every widget shares one socket
            Assert.True(session.Authorized);
            Assert.Contains("scanners:top_gainers", session.Subscriptions);
            Assert.Contains("daily_range_lod_alert", session.Subscriptions);
            await _page.WaitForRowsAsync("hod_lod", 1);
            await _page.WaitForRowsAsync("halts", 1);
            Assert.Contains("Halt code: LUDP", await _page.Widget("halts").InnerTextAsync());   // unknown fields still shown
        }
    }

    [Fact]
    public async Task A_wrong_password_is_rejected()
    {
        await _page.OpenAsync(site.BaseUri);
        await _page.SubmitLoginAsync(site.Username, site.Password + "-wrong");

        var error = _page.Page.GetByTestId("login-error");
        await Assertions.Expect(error).ToContainTextAsync("Wrong username or password");
        Assert.False(await _page.Page.GetByTestId("board").IsVisibleAsync());
        if (site.Local is { } local) Assert.Empty(local.Sessions);
    }

    [Fact]
    public async Task Reloading_the_page_keeps_the_session_token()
    {
        await _page.OpenAndLogInAsync(site);
        await _page.Page.ReloadAsync();

        await _page.WaitForStateAsync("live");
        Assert.False(await _page.Page.GetByTestId("login-form").IsVisibleAsync());
        await _page.WaitForRowsAsync("top_gainers", 1);
    }

    [Fact]
    public async Task Clicking_a_header_sorts_the_rows_and_a_second_click_reverses_them()
    {
        await _page.OpenAndLogInAsync(site);
        await _page.SetFiltersEnabledAsync(false);
        await _page.WaitForRowsAsync("top_volume", 20);
        var header = _page.Widget("top_volume").Locator("th[data-col=close]");

        await header.ClickAsync();
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        var prices = (await _page.ReadTableAsync("top_volume")).Rows.Select(r => r.Value("close")).ToArray();
        Assert.True(prices.Length >= 20);
        Assert.Equal(prices.OrderDescending(), prices);

        await header.ClickAsync();
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        prices = (await _page.ReadTableAsync("top_volume")).Rows.Select(r => r.Value("close")).ToArray();
        Assert.Equal(prices.Order(), prices);
        Assert.Equal("none", await _page.Widget("top_volume").Locator("th[data-col=rank]").GetAttributeAsync("aria-sort"));

        await _page.Widget("top_volume").Locator("th[data-col=symbol]").ClickAsync();
        var symbols = (await _page.ReadTableAsync("top_volume")).Rows.Select(r => r.Symbol).ToArray();
        Assert.Equal(symbols.Order(StringComparer.Ordinal), symbols);
    }

    [Fact]
    public async Task Filters_hide_rows_outside_the_limits_and_the_toggle_shows_them_again()
    {
        await _page.OpenAndLogInAsync(site, site.UserFor("filters"));
        await _page.SetFiltersEnabledAsync(true);
        await _page.ResetFiltersAsync("top_gappers");
        await _page.WaitForRowsAsync("top_gappers", 1);

        var filtered = await _page.ReadTableAsync("top_gappers");
        Assert.True(filtered.Visible < filtered.Total, "the default filters hide some rows");
        Assert.All(filtered.Rows, r =>
        {
            Assert.InRange(r.Value("close"), 2, 20);
            Assert.True(r.Value("accumulated_volume") >= 100_000);
            Assert.True(r.Value("relative_volume") >= 5);
            Assert.True(Math.Abs(r.Value("pct_change")) >= 10);
        });

        await _page.SetFilterAsync("top_gappers", "f-max-price", "8");
        await _page.SetFilterAsync("top_gappers", "f-min-volume", "1.5M");
        var tighter = await _page.ReadTableAsync("top_gappers");
        Assert.All(tighter.Rows, r =>
        {
            Assert.InRange(r.Value("close"), 2, 8);
            Assert.True(r.Value("accumulated_volume") >= 1_500_000);
        });
        if (site.Local is not null) Assert.True(tighter.Visible < filtered.Visible, "a tighter limit hides more rows");

        // Filters are per widget: another ranking keeps the default limits.
        Assert.Equal("20", await (await _page.OpenSettingsAsync("top_volume")).GetByTestId("f-max-price").InputValueAsync());
        Assert.All((await _page.ReadTableAsync("top_volume")).Rows, r => Assert.InRange(r.Value("close"), 2, 20));

        await _page.Widget("top_gappers").GetByTestId("filters-enabled").SetCheckedAsync(false);
        var all = await _page.ReadTableAsync("top_gappers");
        Assert.Equal(all.Total, all.Visible);
        Assert.Equal(all.Total, all.Rows.Count);
    }

    [Fact]
    public async Task An_alert_lists_filters_apply_to_the_context_each_alert_carries()
    {
        await _page.OpenAndLogInAsync(site, site.UserFor("filters"));
        await _page.WaitForRowsAsync("hod_lod", 10);
        const string prices = "id => [...document.querySelectorAll('#w-' + id + ' tbody tr td:nth-child(4)')].map(td => parseFloat(td.textContent))";
        Assert.False(await _page.Widget("hod_lod").GetByTestId("filters-enabled").IsCheckedAsync()); // off for a new widget
        if (site.Local is not null) Assert.Contains(await _page.Page.EvaluateAsync<double[]>(prices, "hod_lod"), p => p > 8);

        foreach (var limit in new[] { "f-min-price", "f-min-volume", "f-min-rvol", "f-min-change" }) await _page.SetFilterAsync("hod_lod", limit, "");
        await _page.SetFilterAsync("hod_lod", "f-max-price", "8");
        await _page.Widget("hod_lod").GetByTestId("filters-enabled").SetCheckedAsync(true);
        await _page.WaitForUpdatesAsync("hod_lod", 2);

        var shown = await _page.Page.EvaluateAsync<double[]>(prices, "hod_lod");
        Assert.NotEmpty(shown);
        Assert.All(shown, p => Assert.True(p <= 8, $"{p} passed a price limit of 8"));
        await _page.Widget("hod_lod").GetByTestId("filters-enabled").SetCheckedAsync(false);
    }

    [Fact]
    public async Task Rows_are_coloured_at_10_20_50_and_100_percent()
    {
        await _page.OpenAndLogInAsync(site);
        await _page.SetFiltersEnabledAsync(false);
        await _page.WaitForRowsAsync("top_gappers", 20);

        var table = await _page.ReadTableAsync("top_gappers");
        foreach (var row in table.Rows)
        {
            var move = Math.Abs(row.Value("pct_change"));
            var expected = move >= 100 ? 100 : move >= 50 ? 50 : move >= 20 ? 20 : move >= 10 ? 10 : 0;
            Assert.True(expected == row.Tier, $"{row.Symbol} moved {move:F2}% but has tier {row.Tier}");
        }

        var colourByTier = table.Rows.Where(r => r.Values["pct_change"] > 0).GroupBy(r => r.Tier)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Background).Distinct().ToArray());
        foreach (var (tier, colours) in colourByTier.Where(t => t.Key > 0))
        {
            Assert.Single(colours);   // one colour per tier ...
        }
        var tierColours = colourByTier.Where(t => t.Key > 0).Select(t => t.Value[0]).ToArray();
        Assert.Equal(tierColours.Length, tierColours.Distinct().Count());   // ... and a different one for each
        if (site.Local is not null) Assert.Equal([0, 10, 20, 50, 100], colourByTier.Keys.Order());
    }

    [Fact]
    public async Task The_quote_widget_follows_a_chosen_symbol()
    {
        await _page.OpenAndLogInAsync(site);
        await _page.SetFiltersEnabledAsync(false);
        await _page.WaitForRowsAsync("top_volume", 1);
        var symbol = (await _page.ReadTableAsync("top_volume")).Rows[0].Symbol;

        await _page.Page.GetByTestId("quote-symbol").FillAsync(symbol.ToLowerInvariant());
        await _page.Page.GetByTestId("quote-watch").ClickAsync();

        var quote = _page.Widget("quote");
        await Assertions.Expect(quote.GetByTestId("quote-sym")).ToHaveTextAsync(symbol);
        await Assertions.Expect(quote.GetByTestId("quote-last")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d{2,4}$"));
        await Assertions.Expect(quote.Locator("[data-testid=quote-range] dd").First).ToBeVisibleAsync();
        await _page.WaitForUpdatesAsync("quote", 3);
        if (site.Local is not null)
        {
            // The NBBO: bid and ask with their sizes, and the spread.
            await Assertions.Expect(quote.Locator("dd[data-field=bid_price]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d{2,4}$"));
            await Assertions.Expect(quote.Locator("dd[data-field=ask_size]")).ToHaveTextAsync("200");
            await Assertions.Expect(quote.Locator("dd[data-field=spread]")).ToHaveTextAsync("0.02");
        }

        if (site.Local is { } local)
        {
            var session = Assert.Single(local.Sessions);
            Assert.Contains($"quote:{symbol}", session.Subscriptions);
            Assert.Contains($"daily_range:{symbol}", session.Subscriptions);
        }

        // Clicking a row in any list switches the quote (and drops the old symbol's feeds).
        var otherSymbol = (await _page.ReadTableAsync("top_volume")).Rows[3].Symbol;
        await _page.ClickSymbolAsync("top_volume", otherSymbol);
        await Assertions.Expect(quote.GetByTestId("quote-sym")).ToHaveTextAsync(otherSymbol);
        if (site.Local is { } f)
        {
            await Polling.UntilAsync(() => !Assert.Single(f.Sessions).Subscriptions.Contains($"quote:{symbol}"),
                () => $"quote:{symbol} still subscribed", ScannerPage.Eventually);
        }
    }

    [LocalGatewayFact]
    public async Task The_page_reconnects_resubscribes_and_keeps_updating_after_a_gateway_restart()
    {
        var local = site.Local!;
        await _page.OpenAndLogInAsync(site);
        await _page.WaitForRowsAsync("top_gainers", 1);
        await _page.Page.GetByTestId("quote-symbol").FillAsync(local.Symbols[7]);
        await _page.Page.GetByTestId("quote-watch").ClickAsync();
        await _page.WaitForUpdatesAsync("quote", 1);
        var before = Assert.Single(local.Sessions);
        var subscriptionsBefore = before.Subscriptions.Order().ToArray();
        var connections = local.ConnectionsAccepted;

        var restart = local.RestartAsync(downtime: TimeSpan.FromSeconds(2));
        await _page.WaitForStateAsync("reconnecting");
        await restart;
        await _page.WaitForStateAsync("live");

        Assert.True(local.ConnectionsAccepted > connections, "the page opened a new socket");
        await _page.WaitForUpdatesAsync("top_gainers", 3);
        await _page.WaitForUpdatesAsync("quote", 2);
        var after = Assert.Single(local.Sessions);
        Assert.NotSame(before, after);
        Assert.True(after.Authorized, "the new socket signed in with the stored token");
        Assert.Equal(subscriptionsBefore, after.Subscriptions.Order().ToArray());
    }

    [Fact]
    public async Task A_full_page_screenshot_is_kept_as_an_artefact()
    {
        await _page.OpenAndLogInAsync(site);
        foreach (var scanner in Scanners.Take(3)) await _page.WaitForRowsAsync(scanner, 1);
        await _page.WaitForRowsAsync("hod_lod", 1);
        var symbol = (await _page.ReadTableAsync("top_gainers")).Rows[0].Symbol;
        await _page.Page.GetByTestId("quote-symbol").FillAsync(symbol);
        await _page.Page.GetByTestId("quote-watch").ClickAsync();
        await _page.WaitForUpdatesAsync("quote", 2);

        var path = await _page.SaveScreenshotAsync("scanner.png");
        Assert.True(new FileInfo(path).Length > 20_000, "a screenshot with content");
    }
}
