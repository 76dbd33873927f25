using System.Text.Json;
using Microsoft.Playwright;

namespace Scanner.Tests.Browser;

/// <summary>The scanner page as the tests see it: log in, read widgets, click, type, change the layout. Reads of a
/// table or chart happen in one script call so that a render in between (every 200 ms) cannot tear what a test
/// compares. Widgets are <c>#w-{id}</c>; a widget's <c>data-visible</c> counts its rows, <c>data-updates</c> its
/// renders of new data.</summary>
public sealed class ScannerPage(IPage page)
{
    public static readonly TimeSpan Eventually = TimeSpan.FromSeconds(20);

    /// <summary>The widgets of the ranking feeds and of the alert lists (highs and lows share one).</summary>
    public static readonly string[] RankingWidgets = ["top_gainers", "top_gappers", "top_volume", "top_losers", "top_relative_volume"];

    public static readonly string[] AlertWidgets = ["hod_lod", "halts", "momentum"];

    public IPage Page { get; } = page;

    public ILocator Widget(string id) => Page.Locator($"#w-{id}");

    public ILocator ConnectionStatus => Page.GetByTestId("conn-status");

    public async Task OpenAsync(Uri baseUri) => await Page.GotoAsync(baseUri.ToString());

    public async Task SubmitLoginAsync(string username, string password)
    {
        await Page.GetByTestId("login-username").FillAsync(username);
        await Page.GetByTestId("login-password").FillAsync(password);
        await Page.GetByTestId("login-submit").ClickAsync();
    }

    /// <summary>Opens the page, signs in when the gateway asks for it (as <paramref name="user"/>, by default the
    /// site's user), and waits for the live socket.</summary>
    public Task OpenAndLogInAsync(ScannerSite site, string? user = null) =>
        OpenAndLogInAsync(site.BaseUri, user ?? site.Username, site.Password);

    /// <summary>Opens the page of the gateway at <paramref name="baseUri"/>, signs in when asked, and waits for the live socket.</summary>
    public async Task OpenAndLogInAsync(Uri baseUri, string user, string password)
    {
        await OpenAsync(baseUri);
        var login = Page.GetByTestId("login-form");
        var board = Page.GetByTestId("board");
        await login.Or(board).First.WaitForAsync(new() { Timeout = Ms(Eventually) });
        if (await login.IsVisibleAsync()) await SubmitLoginAsync(user, password);
        await board.WaitForAsync(new() { Timeout = Ms(Eventually) });
        await WaitForStateAsync("live");
    }

    /// <summary>Saves a full-page picture into the artifacts folder and returns its path. A page taking in the busy demo
    /// market on a loaded 2-core machine can wait long for a frame to paint, so a picture may take longer than an action.</summary>
    public async Task<string> SaveScreenshotAsync(string fileName)
    {
        Directory.CreateDirectory(ScannerSite.ArtifactsDirectory);
        var path = Path.Combine(ScannerSite.ArtifactsDirectory, fileName);
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true, Timeout = Ms(TimeSpan.FromMinutes(2)) });
        return path;
    }

    public async Task WaitForStateAsync(string state) =>
        await Page.WaitForSelectorAsync($"[data-testid=conn-status][data-state='{state}']", new() { Timeout = Ms(Eventually) });

    /// <summary>Waits until a widget shows at least <paramref name="rows"/> rows (after filters).</summary>
    public async Task WaitForRowsAsync(string widget, int rows = 1, TimeSpan? timeout = null) =>
        await Page.WaitForFunctionAsync(
            "([id, n]) => Number(document.getElementById('w-' + id)?.dataset.visible ?? 0) >= n",
            new object[] { widget, rows }, new() { Timeout = Ms(timeout ?? Eventually) });

    /// <summary>Waits until a widget has rendered <paramref name="more"/> further updates.</summary>
    public async Task WaitForUpdatesAsync(string widget, int more = 2)
    {
        var now = await UpdatesAsync(widget);
        await Page.WaitForFunctionAsync(
            "([id, n]) => Number(document.getElementById('w-' + id)?.dataset.updates ?? 0) >= n",
            new object[] { widget, now + more }, new() { Timeout = Ms(Eventually) });
    }

    public async Task<int> UpdatesAsync(string widget) =>
        int.Parse(await Widget(widget).GetAttributeAsync("data-updates") ?? "0");

    /// <summary>Switches the filters of every ranking widget on or off (each widget has its own).</summary>
    public async Task SetFiltersEnabledAsync(bool enabled)
    {
        foreach (var box in await Page.Locator(".widget.scanner [data-testid=filters-enabled]").AllAsync()) await box.SetCheckedAsync(enabled);
    }

    /// <summary>Opens a widget's settings panel (filters, columns, sound, place) unless it is open.</summary>
    public async Task<ILocator> OpenSettingsAsync(string widget)
    {
        var toggle = Widget(widget).GetByTestId("settings-toggle");
        if (await toggle.GetAttributeAsync("aria-expanded") != "true") await toggle.ClickAsync();
        return Widget(widget).GetByTestId("settings");
    }

    /// <summary>Types a limit into one of a ranking widget's filters (f-min-price, f-max-price, f-min-volume, ...).</summary>
    public async Task SetFilterAsync(string widget, string testId, string value) =>
        await (await OpenSettingsAsync(widget)).GetByTestId(testId).FillAsync(value);

    public async Task ResetFiltersAsync(string widget) => await (await OpenSettingsAsync(widget)).GetByTestId("filters-reset").ClickAsync();

    /// <summary>Types a symbol into a symbol widget's box (quote, chart, trades) and submits it.</summary>
    public async Task WatchAsync(string widget, string symbol)
    {
        await Widget(widget).Locator(".symbol-box").FillAsync(symbol);
        await Widget(widget).Locator(".symbol-box").PressAsync("Enter");
    }

    /// <summary>Clicks a symbol's row in a list. Found and clicked in one script call: rows are re-ranked in place every
    /// second, so a row located first and clicked later may hold another symbol by then.</summary>
    public async Task ClickSymbolAsync(string widget, string symbol) =>
        Assert.True(await Page.EvaluateAsync<bool>(
            """
            ([id, symbol]) => {
              const cell = [...document.querySelectorAll(`#w-${id} tbody tr`)].find(tr => tr.dataset.symbol === symbol)?.querySelector('td.sym');
              cell?.click();
              return !!cell;
            }
            """, new object[] { widget, symbol }), $"{symbol} is not in {widget}");

    /// <summary>The symbol a symbol widget shows, or null.</summary>
    public async Task<string?> SymbolOfAsync(string widget) => await Widget(widget).GetAttributeAsync("data-symbol");

    /// <summary>What a chart widget holds, read from the chart library's own series.</summary>
    public async Task<ChartSnapshot> ReadChartAsync(string widget = "chart") =>
        JsonSerializer.Deserialize<ChartSnapshot>(
            await Page.EvaluateAsync<string>("(id) => JSON.stringify(document.getElementById('w-' + id).readChart())", widget), JsonOptions)!;

    /// <summary>Rendered rows of a scanner table: symbol, tier, and the raw number behind every numeric cell.</summary>
    public async Task<TableSnapshot> ReadTableAsync(string widget)
    {
        await NextFramesAsync();
        var json = await Page.EvaluateAsync<string>(
            """
            (id) => {
              const w = document.getElementById('w-' + id);
              const rows = [...w.querySelectorAll('tbody tr')].map(tr => ({
                symbol: tr.dataset.symbol,
                tier: Number(tr.dataset.tier ?? 0),
                className: tr.className,
                background: getComputedStyle(tr).backgroundColor,
                values: Object.fromEntries([...tr.querySelectorAll('td[data-v]')]
                  .map(td => [td.dataset.col, td.dataset.v === '' ? null : Number(td.dataset.v)])),
              }));
              return JSON.stringify({ rows, total: Number(w.dataset.total ?? 0), visible: Number(w.dataset.visible ?? 0) });
            }
            """, widget);
        return JsonSerializer.Deserialize<TableSnapshot>(json, JsonOptions)!;
    }

    /// <summary>Lets a render queued by the last action (sort, filter) happen: widgets render on the next frame.</summary>
    public async Task NextFramesAsync() =>
        await Page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static float Ms(TimeSpan t) => (float)t.TotalMilliseconds;
}

public sealed record ChartSnapshot(string? Symbol, IReadOnlyList<Candle> Candles, IReadOnlyList<ChartPoint> Volume,
    IReadOnlyList<ChartPoint> Vwap, IReadOnlyList<PriceLine> Lines, IReadOnlyList<ChartMarker> Markers, int Halted);

/// <summary>A candle as the chart library holds it: <c>Time</c> in Unix seconds.</summary>
public sealed record Candle(long Time, double Open, double High, double Low, double Close);

public sealed record ChartPoint(long Time, double Value);

public sealed record PriceLine(string Title, double Price);

public sealed record ChartMarker(long Time, string Text);

public sealed record TableSnapshot(IReadOnlyList<TableRow> Rows, int Total, int Visible);

public sealed record TableRow(string Symbol, int Tier, string ClassName, string Background, Dictionary<string, double?> Values)
{
    public double Value(string column) => Values.TryGetValue(column, out var v) && v is { } n ? n : double.NaN;
}
