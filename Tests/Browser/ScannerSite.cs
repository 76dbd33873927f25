using Microsoft.Playwright;
using Scanner.Tests.Browser.Local;

namespace Scanner.Tests.Browser;

/// <summary>
/// What the browser tests run against: the real gateway in this process with a synthetic market by default, or a
/// running system when
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

    /// <summary>The in-process gateway, or null when the tests run against a running system.</summary>
    public LocalGateway? Local { get; private set; }

    public string Username { get; } = Environment.GetEnvironmentVariable("SCANNER_BROWSER_USER") ?? LocalGateway.Username;

    public string Password { get; } = Environment.GetEnvironmentVariable("SCANNER_BROWSER_PASSWORD") ?? LocalGateway.Password;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The account a test that saves layouts signs in with: its own on the in-process gateway (one of
    /// <see cref="LocalGateway.OwnAccounts"/>), the configured one against a running system.</summary>
    public string UserFor(string purpose) =>
        Local is null ? Username : LocalGateway.OwnAccounts.Contains(purpose) ? $"{LocalGateway.Username}-{purpose}" : throw new ArgumentException($"no account for {purpose}");

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
            Local = await LocalGateway.StartAsync(FindWwwroot());
            BaseUri = Local.BaseUri;
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
        if (Local is not null) await Local.DisposeAsync();
    }

    /// <summary>The page's source folder, found by walking up from the test assembly to the solution.</summary>
    internal static string FindWwwroot()
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

/// <summary>A test that needs the in-process gateway's controls (restarting it, counting connections).</summary>
public sealed class LocalGatewayFactAttribute : FactAttribute
{
    public LocalGatewayFactAttribute()
    {
        if (ScannerSite.AgainstRealSystem) Skip = $"needs the in-process gateway ({ScannerSite.BaseUrlVariable} is set)";
    }
}
