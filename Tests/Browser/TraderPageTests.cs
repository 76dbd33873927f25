using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Scanner.Tests.Browser.Local;

namespace Scanner.Tests.Browser;

/// <summary>
/// The trader's page (issue 14) in headless Chromium against the real gateway with the synthetic market: the chart,
/// time and sales, linked widgets, layouts, sound, keyboard and readable numbers. Tests that change layouts sign in
/// with accounts of their own (<see cref="ScannerSite.UserFor"/>): the server keeps layouts per user.
/// </summary>
[Collection(ScannerSiteCollection.Name)]
public sealed class TraderPageTests(ScannerSite site) : IAsyncLifetime
{
    private static readonly string[] DefaultWidgets =
        ["chart", "quote", "trades", "top_gainers", "top_gappers", "top_volume", "top_losers", "top_relative_volume", "halts", "momentum", "hod_lod"];

    private PageSession _session = null!;
    private ScannerPage _page = null!;

    public async Task InitializeAsync()
    {
        _session = await PageSession.OpenAsync(site);
        _page = _session.Page;
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [LocalGatewayFact]
    public async Task The_chart_fills_with_the_day_so_far_and_then_updates_live()
    {
        var local = site.Local!;
        var symbol = local.ChartedSymbols[0];
        await _page.OpenAndLogInAsync(site, site.UserFor("chart"));
        await _page.WatchAsync("chart", symbol);
        await _page.Page.WaitForFunctionAsync("n => Number(document.getElementById('w-chart').dataset.bars ?? 0) >= n", SymbolTape.HistoryMinutes);

        var chart = await _page.ReadChartAsync();
        var feed = JsonNode.Parse(local.FeedJson($"chart:{symbol}")!)!;
        var bars = feed["bars"]!.AsArray();
        Assert.Equal(symbol, chart.Symbol);
        // The minutes before the current one are closed: the chart holds them exactly as the feed sent them.
        for (var i = 0; i < SymbolTape.HistoryMinutes - 1; i++)
        {
            var bar = bars[i]!;
            var candle = chart.Candles[i];
            Assert.Equal(bar["t"]!.GetValue<long>() / 1000, candle.Time);
            Assert.Equal([bar["o"]!.GetValue<double>(), bar["h"]!.GetValue<double>(), bar["l"]!.GetValue<double>(), bar["c"]!.GetValue<double>()],
                [candle.Open, candle.High, candle.Low, candle.Close]);
            Assert.Equal(bar["v"]!.GetValue<double>(), chart.Volume[i].Value);
            Assert.Equal(bar["vw"]!.GetValue<double>(), chart.Vwap[i].Value);
        }
        Assert.Equal(["prev close", "PM high", "PM low", "high", "low"], chart.Lines.Select(l => l.Title));
        Assert.Equal(feed["prev_close"]!.GetValue<double>(), chart.Lines[0].Price);
        Assert.Contains(chart.Markers, m => m.Text == "halt: LULD pause");
        Assert.Contains(chart.Markers, m => m.Text == "resume");
        Assert.InRange(chart.Halted, 3, 4);   // the minutes the halt touched are shaded

        // Live: the symbol trades on every tick, so the newest candle (or a new one) changes.
        var last = chart.Candles[^1];
        await Polling.UntilAsync(async () => (await _page.ReadChartAsync()).Candles[^1] != last, () => "the newest candle never changed", ScannerPage.Eventually);
        Assert.Equal($"chart:{symbol}", Assert.Single(local.Sessions.SelectMany(s => s.Subscriptions), f => f.StartsWith("chart:")));
    }

    [LocalGatewayFact]
    public async Task A_symbol_chosen_in_a_list_drives_the_quote_chart_and_time_and_sales_of_its_link_group_only()
    {
        var local = site.Local!;
        await _page.OpenAndLogInAsync(site, site.UserFor("linking"));
        await _page.SetFiltersEnabledAsync(false);
        await _page.WaitForRowsAsync("top_volume", 5);

        // Red (the default group): a click in a ranking moves all three.
        var clicked = (await _page.ReadTableAsync("top_volume")).Rows[2].Symbol;
        await _page.ClickSymbolAsync("top_volume", clicked);
        foreach (var widget in new[] { "quote", "chart", "trades" })
            await Assertions.Expect(_page.Widget(widget)).ToHaveAttributeAsync("data-symbol", clicked);

        // A symbol with trades: time and sales shows them with venue and conditions, coloured by side.
        var traded = local.ChartedSymbols[1];
        await _page.WatchAsync("quote", traded);
        await Assertions.Expect(_page.Widget("trades")).ToHaveAttributeAsync("data-symbol", traded);
        await _page.WaitForRowsAsync("trades", 20);
        var colours = await _page.Page.EvaluateAsync<Dictionary<string, string>>(
            """
            () => Object.fromEntries(['buy', 'sell', 'mid', 'none'].map(side => {
              const tr = document.querySelector(`#w-trades tr[data-side=${side}]`);
              return [side, tr ? getComputedStyle(tr.cells[1]).color : ''];
            }))
            """);
        Assert.Equal("rgb(34, 197, 94)", colours["buy"]);
        Assert.Equal("rgb(240, 82, 82)", colours["sell"]);
        Assert.Equal(4, colours.Values.Distinct().Count());
        Assert.Matches(@"^(TRF|NYSE|ARCA|NSDQ|BZX)$", await _page.Widget("trades").Locator("tbody tr td:nth-child(4)").First.InnerTextAsync());
        await WaitUntilAsync(() => Assert.Single(local.Sessions).Subscriptions.Contains($"trades:{traded}")
            && !Assert.Single(local.Sessions).Subscriptions.Contains($"trades:{clicked}"));

        // Green: the chart and Top Gainers move to it; a click there moves the chart only.
        await _page.Widget("chart").GetByTestId("link").SelectOptionAsync("green");
        await _page.Widget("top_gainers").GetByTestId("link").SelectOptionAsync("green");
        await _page.WaitForRowsAsync("top_gainers", 3);
        var green = (await _page.ReadTableAsync("top_gainers")).Rows.Select(r => r.Symbol).First(s => s != traded);
        await _page.ClickSymbolAsync("top_gainers", green);
        await Assertions.Expect(_page.Widget("chart")).ToHaveAttributeAsync("data-symbol", green);
        Assert.Equal(traded, await _page.SymbolOfAsync("quote"));
        Assert.Equal(traded, await _page.SymbolOfAsync("trades"));

        // A reload keeps each group's symbol (and, once saved, the chart's group).
        await Assertions.Expect(_page.Page.GetByTestId("layout-state")).ToHaveAttributeAsync("data-state", "saved");
        await _page.Page.ReloadAsync();
        await _page.WaitForStateAsync("live");
        await Assertions.Expect(_page.Widget("chart")).ToHaveAttributeAsync("data-symbol", green);
        await Assertions.Expect(_page.Widget("quote")).ToHaveAttributeAsync("data-symbol", traded);
    }

    [Fact]
    public async Task A_new_user_gets_every_list_and_the_symbol_widgets_and_a_saved_layout_follows_them_to_another_browser()
    {
        var user = site.UserFor("layouts");
        await _page.OpenAndLogInAsync(site, user);
        foreach (var id in DefaultWidgets) await Assertions.Expect(_page.Widget(id)).ToBeVisibleAsync();
        Assert.Equal(DefaultWidgets.Length, await _page.Page.Locator(".widget").CountAsync());

        // Customise: rename, drop a widget, add one, change a ranking's columns and filters, relink the chart.
        await _page.Page.GetByTestId("layout-name").FillAsync("Momentum desk");
        await _page.Page.GetByTestId("layout-name").PressAsync("Enter");
        await (await _page.OpenSettingsAsync("hod_lod")).GetByTestId("remove").ClickAsync();
        await _page.Page.GetByTestId("add-widget").SelectOptionAsync("chart");
        await Assertions.Expect(_page.Widget("chart-2")).ToBeVisibleAsync();
        await (await _page.OpenSettingsAsync("top_gainers")).GetByTestId("column-free_float").UncheckAsync();
        await _page.SetFilterAsync("top_gainers", "f-max-price", "8");
        await _page.Widget("chart").GetByTestId("link").SelectOptionAsync("blue");
        await Assertions.Expect(_page.Page.GetByTestId("layout-state")).ToHaveAttributeAsync("data-state", "saved");

        await using var other = await PageSession.OpenAsync(site);
        await other.Page.OpenAndLogInAsync(site, user);
        var page = other.Page;
        await Assertions.Expect(page.Page.GetByTestId("layout-select")).ToHaveValueAsync("Momentum desk");
        await Assertions.Expect(page.Widget("chart-2")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Widget("hod_lod").CountAsync());
        Assert.Equal(0, await page.Widget("top_gainers").Locator("th[data-col=free_float]").CountAsync());
        Assert.Equal(1, await page.Widget("top_gainers").Locator("th[data-col=close]").CountAsync());
        Assert.Equal("8", await (await page.OpenSettingsAsync("top_gainers")).GetByTestId("f-max-price").InputValueAsync());
        Assert.Equal("blue", await page.Widget("chart").GetByTestId("link").InputValueAsync());
    }

    [Fact]
    public async Task Widgets_are_added_resized_moved_and_removed_and_a_layout_file_exports_and_imports()
    {
        await _page.OpenAndLogInAsync(site, site.UserFor("layout-editing"));
        await _page.Page.GetByTestId("add-widget").SelectOptionAsync("ranking scanners:top_volume");
        var added = _page.Widget("top_volume-2");
        await Assertions.Expect(added).ToBeVisibleAsync();
        var settings = await _page.OpenSettingsAsync("top_volume-2");

        var width = int.Parse((await added.GetAttributeAsync("data-w"))!);
        await settings.GetByTestId("wider").ClickAsync();
        await Assertions.Expect(added).ToHaveAttributeAsync("data-w", (width + 1).ToString());
        var height = int.Parse((await added.GetAttributeAsync("data-h"))!);
        await settings.GetByTestId("taller").ClickAsync();
        await Assertions.Expect(added).ToHaveAttributeAsync("data-h", (height + 1).ToString());

        var before = await WidgetOrderAsync();
        await settings.GetByTestId("move-earlier").ClickAsync();
        var after = await WidgetOrderAsync();
        Assert.Equal(before.IndexOf("top_volume-2") - 1, after.IndexOf("top_volume-2"));
        Assert.False(await WidgetsOverlapAsync(), "widgets never overlap");

        // Export: a file with this layout's widgets; import it back as a second layout.
        var download = await _page.Page.RunAndWaitForDownloadAsync(() => _page.Page.GetByTestId("layout-export").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"layout-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(file);
        try
        {
            var exported = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
            Assert.Equal("Default", exported["name"]!.GetValue<string>());
            Assert.Contains(exported["layout"]!["widgets"]!.AsArray(), w => w!["id"]!.GetValue<string>() == "top_volume-2");

            await settings.GetByTestId("remove").ClickAsync();
            await Assertions.Expect(added).ToHaveCountAsync(0);
            await _page.Page.GetByTestId("layout-file").SetInputFilesAsync(file);
            // The page reads the file after the change event: the file must outlive the import.
            await Assertions.Expect(_page.Page.GetByTestId("layout-select")).ToHaveValueAsync("Default 2");
        }
        finally
        {
            File.Delete(file);
        }
        await Assertions.Expect(_page.Widget("top_volume-2")).ToBeVisibleAsync();
        await _page.Page.GetByTestId("layout-select").SelectOptionAsync("Default");
        await Assertions.Expect(_page.Widget("top_volume-2")).ToHaveCountAsync(0);
    }

    [LocalGatewayFact]
    public async Task Switching_sound_on_for_a_list_plays_a_tone_through_Web_Audio_when_new_entries_arrive()
    {
        // Count the oscillators the page starts: the Web Audio call itself, observed in the page.
        await _page.Page.AddInitScriptAsync(
            """
            window.__tones = 0;
            const start = OscillatorNode.prototype.start;
            OscillatorNode.prototype.start = function (...args) { window.__tones++; return start.apply(this, args); };
            """);
        await _page.OpenAndLogInAsync(site, site.UserFor("sound"));
        await _page.WaitForRowsAsync("halts", 1);
        Assert.Equal(0, await _page.Page.EvaluateAsync<int>("() => window.__tones"));   // opt-in: silent until asked

        await (await _page.OpenSettingsAsync("halts")).GetByTestId("sound-enabled").CheckAsync();
        await _page.Page.WaitForFunctionAsync("() => window.__tones > 0", null, new() { Timeout = (float)ScannerPage.Eventually.TotalMilliseconds });
        Assert.Equal(0, await _page.Page.EvaluateAsync<int>("() => window.__tones") % 3);   // the halts' three-tone pattern

        await _page.Page.GetByTestId("mute-all").ClickAsync();
        await Assertions.Expect(_page.Page.GetByTestId("mute-all")).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task Sounds_keep_a_cooldown_per_list_are_distinct_per_list_and_mute_all_silences_them()
    {
        await _page.OpenAsync(site.BaseUri);
        var played = await _page.Page.EvaluateAsync<string[]>(
            """
            async () => {
              const { AlertSounds, COOLDOWN_MS, NewEntries } = await import('/js/alert-sound.js');
              let now = 1_000_000;
              const storage = new Map();
              const sounds = new AlertSounds({ now: () => now, storage: { getItem: k => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v) } });
              const log = [];
              sounds.play = (tones) => log.push(tones.join('/'));
              const on = { enabled: true };
              const results = [
                sounds.announce('halts', on, 'Halts', ['AAA']),                  // plays
                sounds.announce('halts', on, 'Halts', ['BBB']),                  // cooling down
                sounds.announce('top_gainers', on, 'Top Gainers', ['CCC']),      // another list: its own cooldown
                sounds.announce('momentum', { enabled: false }, 'Momentum', ['DDD']),   // not switched on
              ];
              now += COOLDOWN_MS;
              results.push(sounds.announce('halts', on, 'Halts', ['EEE']));      // cooled down
              sounds.setMuted(true);
              now += COOLDOWN_MS;
              results.push(sounds.announce('halts', on, 'Halts', ['FFF']));      // muted: announced, not played
              const entries = new NewEntries();
              const fresh = [entries.update(['A', 'B']).join(), entries.update(['A', 'B', 'C']).join()];
              return [results.join(), log.join(' '), fresh.join('|')];
            }
            """);
        Assert.Equal("true,false,true,false,true,true", played[0]);
        Assert.Equal("880/440/880 784/1047 880/440/880", played[1]);
        Assert.Equal("|C", played[2]);   // the list as first seen is not "new"
    }

    [Fact]
    public async Task Arrow_keys_move_through_rows_Enter_selects_slash_focuses_the_symbol_box_and_Tab_reaches_every_control()
    {
        await _page.OpenAndLogInAsync(site, site.UserFor("keyboard"));
        await _page.SetFiltersEnabledAsync(false);
        await _page.WaitForRowsAsync("top_volume", 5);

        var table = _page.Widget("top_volume").Locator("table");
        await table.FocusAsync();
        await table.PressAsync("ArrowDown");
        await table.PressAsync("ArrowDown");
        await table.PressAsync("ArrowUp");
        await table.PressAsync("ArrowDown");
        var active = _page.Widget("top_volume").Locator("tbody tr.active");
        await Assertions.Expect(active).ToHaveCountAsync(1);
        var symbol = (await active.GetAttributeAsync("data-symbol"))!;
        await table.PressAsync("Enter");
        await Assertions.Expect(_page.Widget("quote")).ToHaveAttributeAsync("data-symbol", symbol);

        await _page.Page.Locator("body").PressAsync("Escape");
        await _page.Page.EvaluateAsync("() => document.activeElement.blur()");
        await _page.Page.Keyboard.PressAsync("/");
        Assert.Equal("quote-symbol", await _page.Page.EvaluateAsync<string>("() => document.activeElement.dataset.testid"));
        await _page.Page.Keyboard.TypeAsync("ibm");
        await _page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page.Widget("chart")).ToHaveAttributeAsync("data-symbol", "IBM");

        // Tab alone reaches the layout controls and, in every widget, its link, settings and table or symbol box.
        await _page.Page.EvaluateAsync("() => document.activeElement.blur()");
        var reached = new HashSet<string>();
        for (var i = 0; i < 160; i++)
        {
            await _page.Page.Keyboard.PressAsync("Tab");
            reached.Add(await _page.Page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return (e.closest('.widget')?.id ?? '') + ':' + (e.dataset.testid ?? e.tagName); }"));
        }
        foreach (var control in new[] { ":layout-select", ":add-widget", ":layout-export", ":mute-all", "w-top_volume:table", "w-halts:table",
                     "w-quote:quote-symbol", "w-chart:chart-symbol", "w-trades:trades-symbol", "w-top_gainers:link", "w-top_gainers:settings-toggle",
                     "w-top_gainers:filters-enabled", "w-top_gainers:sort-close" })
            Assert.Contains(control, reached);
    }

    [Fact]
    public async Task Numbers_read_the_way_traders_read_them_and_headers_give_the_formula()
    {
        await _page.OpenAsync(site.BaseUri);
        var formatted = await _page.Page.EvaluateAsync<string[]>(
            """
            async () => {
              const f = await import('/js/format.js');
              const { COLUMNS, cellValue } = await import('/js/columns.js');
              const col = (k) => COLUMNS.find(c => c.key === k);
              const text = (k, row) => col(k).format(cellValue(col(k), row)) + (col(k).note?.(row) ? ' ' + col(k).note(row) : '');
              const preOpen = { close: 10.5, prev_day_close: 10, official_open_price: 0, pct_change: 5, change: 0.5, pct_change_since_open: 0 };
              const noReference = { close: 3, prev_day_close: 0, pct_change: 0, change: 0, avg_volume: 0, relative_volume: 0, free_float: 0 };
              return [f.price(12.345), f.price(0.1234), f.price(1), f.signedPrice(1.5), f.signedPrice(-0.04), f.percent(12.345), f.percent(-150.2),
                      f.percent(0), f.compact(1_234_567), f.compact(98_765), f.compact(2.5e9), f.compact(null), f.ratio(5.04), f.price(undefined),
                      text('gap', preOpen), text('gap', { ...preOpen, official_open_price: 11 }), text('pct_change_since_open', preOpen),
                      text('pct_change', noReference), text('change', noReference), text('relative_volume', noReference), text('free_float', noReference),
                      String(f.parseAmount('1.5M')), String(f.parseAmount('100k')), String(f.parseAmount('abc'))];
            }
            """);
        Assert.Equal(["12.35", "0.1234", "1.00", "+1.50", "-0.0400", "+12.35%", "-150.20%", "0.00%", "1.2M", "98.8K", "2.50B", "–", "5.0x", "–",
            "+5.00% PM", "+10.00%", "–", "–", "–", "–", "–", "1500000", "100000", "NaN"], formatted);

        await _page.OpenAndLogInAsync(site);
        var titles = await _page.Page.EvaluateAsync<Dictionary<string, string>>(
            "() => Object.fromEntries([...document.querySelectorAll('.widget.scanner th')].map(th => [th.dataset.col, th.title]))");
        Assert.Contains("previous close", titles["pct_change"]);
        Assert.Contains("official open − previous close", titles["gap"]);
        Assert.Contains("pre-market", titles["gap"]);
        Assert.Contains("official open", titles["pct_change_since_open"]);
        Assert.Contains("average daily volume", titles["relative_volume"]);
    }

    [Fact]
    public async Task Nothing_is_cut_off_at_1366_by_768()
    {
        await using var small = await PageSession.OpenAsync(site, 1366, 768);
        var page = small.Page;
        await page.OpenAndLogInAsync(site);
        await page.SetFiltersEnabledAsync(false);
        foreach (var id in new[] { "top_gainers", "top_volume", "halts" }) await page.WaitForRowsAsync(id, 5);
        await page.WatchAsync("quote", site.Local?.ChartedSymbols[0] ?? "SPY");
        await page.WaitForUpdatesAsync("quote", 1);
        await page.NextFramesAsync();

        var clipped = await page.Page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('.topbar > *, .widget-head, .widget-body:not(:has(.chart-host)), .grid th, .grid td:not(.detail), .kv dt, .kv dd')]
              .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
              .map(e => (e.closest('.widget')?.id ?? 'top') + ' ' + e.className + ' ' + e.textContent.trim().slice(0, 30))
            """);
        Assert.Empty(clipped);
    }

    [LocalGatewayFact]
    public async Task Screenshots_of_the_default_and_a_customised_layout_are_kept_as_artefacts()
    {
        var local = site.Local!;
        await using var small = await PageSession.OpenAsync(site, 1366, 768);
        var page = small.Page;
        await page.OpenAndLogInAsync(site, site.UserFor("screenshots"));
        await page.SetFiltersEnabledAsync(false);
        await page.WaitForRowsAsync("top_volume", 10);
        await page.WatchAsync("quote", local.ChartedSymbols[2]);
        await page.Page.WaitForFunctionAsync("() => Number(document.getElementById('w-chart').dataset.bars ?? 0) > 0");
        await page.WaitForRowsAsync("trades", 10);
        // The header stays on top while the board scrolls; a full-page picture needs it in its place at the top.
        await page.Page.EvaluateAsync("() => document.querySelector('.topbar').style.position = 'static'");
        var defaultPath = await page.SaveScreenshotAsync("default-layout.png");

        // Customised: a second link group (green) with its own chart and time and sales beside the first.
        await (await page.OpenSettingsAsync("momentum")).GetByTestId("remove").ClickAsync();
        await (await page.OpenSettingsAsync("top_relative_volume")).GetByTestId("remove").ClickAsync();
        await (await page.OpenSettingsAsync("top_losers")).GetByTestId("remove").ClickAsync();
        foreach (var choice in new[] { "chart", "trades" }) await page.Page.GetByTestId("add-widget").SelectOptionAsync(choice);
        foreach (var id in new[] { "chart-2", "trades-2", "top_gainers" }) await page.Widget(id).GetByTestId("link").SelectOptionAsync("green");
        await page.WatchAsync("chart-2", local.ChartedSymbols[3]);
        await (await page.OpenSettingsAsync("top_gappers")).GetByTestId("sound-enabled").CheckAsync();
        await page.WaitForRowsAsync("trades-2", 10);
        var customisedPath = await page.SaveScreenshotAsync("customised-layout.png");
        Assert.True(new FileInfo(defaultPath).Length > 20_000 && new FileInfo(customisedPath).Length > 20_000, "screenshots with content");
    }

    private async Task<List<string>> WidgetOrderAsync() =>
        [.. await _page.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.widget')].sort((a, b) => a.dataset.y - b.dataset.y || a.dataset.x - b.dataset.x).map(w => w.id.slice(2))")];

    private async Task<bool> WidgetsOverlapAsync() =>
        await _page.Page.EvaluateAsync<bool>(
            """
            () => {
              const boxes = [...document.querySelectorAll('.widget')].map(w => w.getBoundingClientRect());
              return boxes.some((a, i) => boxes.some((b, j) => i < j && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1));
            }
            """);

    private static async Task WaitUntilAsync(Func<bool> condition) =>
        await Polling.UntilAsync(condition, () => "condition not met in time", ScannerPage.Eventually);
}
