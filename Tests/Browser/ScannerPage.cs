using System.Text.Json;
using Microsoft.Playwright;

namespace Scanner.Tests.Browser;

/// <summary>The scanner page as the tests see it: log in, read widgets, click, type. Reads of a table happen
/// in one script call so that a render in between (every 200 ms) cannot tear what a test compares.</summary>
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

    /// <summary>Opens the page, signs in when the gateway asks for it, and waits for the live socket.</summary>
    public async Task OpenAndLogInAsync(ScannerSite site)
    {
        await OpenAsync(site.BaseUri);
        var login = Page.GetByTestId("login-form");
        var board = Page.GetByTestId("board");
        await login.Or(board).First.WaitForAsync(new() { Timeout = Ms(Eventually) });
        if (await login.IsVisibleAsync()) await SubmitLoginAsync(site.Username, site.Password);
        await board.WaitForAsync(new() { Timeout = Ms(Eventually) });
        await WaitForStateAsync("live");
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

    public async Task SetFiltersEnabledAsync(bool enabled) => await Page.GetByTestId("filters-enabled").SetCheckedAsync(enabled);

    public async Task SetFilterAsync(string testId, string value) => await Page.GetByTestId(testId).FillAsync(value);

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

public sealed record TableSnapshot(IReadOnlyList<TableRow> Rows, int Total, int Visible);

public sealed record TableRow(string Symbol, int Tier, string ClassName, string Background, Dictionary<string, double?> Values)
{
    public double Value(string column) => Values.TryGetValue(column, out var v) && v is { } n ? n : double.NaN;
}
