using Microsoft.Playwright;
using Scanner.Tests.Browser.FakeGateway;

namespace Scanner.Tests.Browser;

/// <summary>
/// What the browser tests run against: the fake gateway by default, or a running system when
/// SCANNER_BROWSER_BASE_URL is set (with SCANNER_BROWSER_USER / SCANNER_BROWSER_PASSWORD for its login).
/// Also owns the one Chromium every test opens its pages in.
/// </summary>
public sealed class ScannerSite : IAsyncLifetime
{
    public const string BaseUrlVariable = "SCANNER_BROWSER_BASE_URL";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The fake gateway, or null when the tests run against a real system.</summary>
    public FakeGatewayServer? Fake { get; private set; }

    public string Username { get; } = Environment.GetEnvironmentVariable("SCANNER_BROWSER_USER") ?? FakeGatewayServer.Username;

    public string Password { get; } = Environment.GetEnvironmentVariable("SCANNER_BROWSER_PASSWORD") ?? FakeGatewayServer.Password;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: SCANNER_BROWSER_ARTIFACTS, or artifacts/ next to the test assembly.</summary>
    public static string ArtifactsDirectory =>
        Environment.GetEnvironmentVariable("SCANNER_BROWSER_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts");

    public static bool AgainstRealSystem => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(BaseUrlVariable));

    public async Task InitializeAsync()
    {
        if (AgainstRealSystem)
        {
            BaseUri = new Uri(Environment.GetEnvironmentVariable(BaseUrlVariable)!);
        }
        else
        {
            Fake = await FakeGatewayServer.StartAsync(FindWwwroot());
            BaseUri = Fake.BaseUri;
        }
        // The shared build machine can be very busy: "eventually" means generous timeouts, never a pass/fail on speed.
        Assertions.SetDefaultExpectTimeout((float)ScannerPage.Eventually.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SCANNER_BROWSER_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Fake is not null) await Fake.DisposeAsync();
    }

    /// <summary>The page's source folder, found by walking up from the test assembly to the solution.</summary>
    private static string FindWwwroot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Gateway", "wwwroot");
            if (File.Exists(Path.Combine(dir.FullName, "Scanner.Orleans.sln")) && Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("Gateway/wwwroot not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class ScannerSiteCollection : ICollectionFixture<ScannerSite>
{
    public const string Name = "scanner site";
}

/// <summary>A test that needs the fake gateway's controls (dropping sockets, counting connections).</summary>
public sealed class FakeGatewayFactAttribute : FactAttribute
{
    public FakeGatewayFactAttribute()
    {
        if (ScannerSite.AgainstRealSystem) Skip = $"needs the fake gateway ({ScannerSite.BaseUrlVariable} is set)";
    }
}
