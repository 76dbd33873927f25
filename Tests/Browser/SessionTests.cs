namespace Scanner.Tests.Browser;

/// <summary>
/// A session that lasts the trading day, on a gateway of the test's own whose tokens live only
/// <see cref="Lifetime"/>: the page renews its token (every 3 s here), so it stays signed in over several lifetimes
/// and a reload needs no password; a sign-out in one browser ends the session in another.
/// </summary>
[Collection(ScannerSiteCollection.Name)]
public sealed class SessionTests(ScannerSite site) : IAsyncLifetime
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(9);

    private Local.LocalGateway _gateway = null!;

    public async Task InitializeAsync() =>
        _gateway = await Local.LocalGateway.StartAsync(ScannerSite.FindWwwroot(), $"Auth:TokenLifetime={Lifetime:c}");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task The_page_renews_its_token_and_stays_signed_in_over_several_lifetimes_and_across_a_reload()
    {
        await using var session = await PageSession.OpenAsync(site, gateway: _gateway.BaseUri);
        var page = session.Page;
        await page.OpenAndLogInAsync(_gateway.BaseUri, Local.LocalGateway.Username, Local.LocalGateway.Password);

        await RenewalsAsync(page, 4); // over 12 s: more than one lifetime
        await page.Page.ReloadAsync();
        await page.WaitForStateAsync("live");
        Assert.False(await page.Page.GetByTestId("login-form").IsVisibleAsync());
        await RenewalsAsync(page, 4); // the reloaded page goes on renewing: two lifetimes after the first token expired
        await page.WaitForStateAsync("live");
        Assert.False(await page.Page.GetByTestId("login-form").IsVisibleAsync());
    }

    [Fact]
    public async Task Signing_out_in_one_browser_ends_the_session_in_another()
    {
        await using var here = await PageSession.OpenAsync(site, gateway: _gateway.BaseUri);
        await using var elsewhere = await PageSession.OpenAsync(site, gateway: _gateway.BaseUri);
        var user = Local.LocalGateway.Username;
        await here.Page.OpenAndLogInAsync(_gateway.BaseUri, user, Local.LocalGateway.Password);
        await elsewhere.Page.OpenAndLogInAsync(_gateway.BaseUri, user, Local.LocalGateway.Password);

        await here.Page.Page.GetByTestId("logout").ClickAsync();

        await here.Page.Page.GetByTestId("login-form").WaitForAsync();
        var ended = elsewhere.Page.Page.GetByTestId("login-form");
        await ended.WaitForAsync();
        Assert.Contains("session has ended", await elsewhere.Page.Page.GetByTestId("login-error").InnerTextAsync());
        await elsewhere.Page.SubmitLoginAsync(user, Local.LocalGateway.Password);
        await elsewhere.Page.WaitForStateAsync("live");
    }

    private static async Task RenewalsAsync(ScannerPage page, int more)
    {
        var now = int.Parse(await page.Page.EvaluateAsync<string>("() => document.body.dataset.tokenRenewals ?? '0'"));
        await page.Page.WaitForFunctionAsync("n => Number(document.body.dataset.tokenRenewals ?? 0) >= n", now + more,
            new() { Timeout = 60_000 });
    }
}
