using Microsoft.Playwright;

namespace Scanner.Tests.Browser;

/// <summary>
/// One browser context with one scanner page in it, as a test opens it: it records uncaught script errors and any
/// request to anything but the gateway (the page must work offline: no CDN, no web fonts), and disposing it fails the
/// test when there were any. A second session is a second browser (no shared storage).
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _foreignRequests = [];

    private PageSession(IBrowserContext context, ScannerPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public ScannerPage Page { get; }

    /// <param name="gateway">the gateway the page comes from, when not the site's (a system a test started itself)</param>
    public static async Task<PageSession> OpenAsync(ScannerSite site, int width = 1680, int height = 960, Uri? gateway = null)
    {
        var own = (gateway ?? site.BaseUri).Authority;
        var contextOptions = new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = height } };
        var context = await site.Browser.NewContextAsync(contextOptions);
        var page = await context.NewPageAsync();
        var session = new PageSession(context, new ScannerPage(page));
        page.PageError += (_, error) => session._pageErrors.Add(error);
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" or "ws" or "wss"
                && url.Authority != own) session._foreignRequests.Add(request.Url);
        };
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        Assert.Empty(_pageErrors);   // any uncaught script error fails the test that caused it
        Assert.Empty(_foreignRequests);
    }
}
