using Microsoft.Extensions.DependencyInjection;
using Scanner.Gateway.Backend;
using Scanner.Gateway.Connections;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Browser.Local;

/// <summary>
/// The real gateway (<c>GatewayApp</c>) on a free loopback port, serving the page from the source tree, with a fake
/// backend that a <see cref="MarketDriver"/> feeds with a synthetic market of 300 symbols. Auth is on with the account
/// <see cref="Username"/> and one more per name in <see cref="OwnAccounts"/> (same password): a test that changes the
/// layouts, which the server keeps per user, signs in with its own so no other test sees its changes.
/// <see cref="RestartAsync"/> stops the gateway and starts a new one on the same address.
/// </summary>
public sealed class LocalGateway : IAsyncDisposable
{
    public const string Username = "trader";
    public const string Password = "correct-horse";

    /// <summary>Accounts of their own, for tests that save layouts: <c>trader-{name}</c>.</summary>
    public static readonly string[] OwnAccounts = ["filters", "linking", "layouts", "layout-editing", "keyboard", "sound", "chart", "numbers", "screenshots"];

    private readonly FakeScannerFeedBackend _backend;
    private readonly PageTestMarket _market = new();
    private readonly MarketDriver _driver;
    private readonly string[] _settings;
    private GatewayTestHost _host;
    private long _acceptedBefore;

    private LocalGateway(FakeScannerFeedBackend backend, GatewayTestHost host, string[] settings)
    {
        _backend = backend;
        _host = host;
        _settings = settings;
        _driver = new MarketDriver(_market, backend);
    }

    public Uri BaseUri => _host.Http;

    /// <summary>WebSocket connections accepted since start, over every restart (a reconnect adds one).</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref _acceptedBefore) + _host.Metrics.ConnectionsAccepted;

    /// <summary>The protocol sessions of the sockets open now.</summary>
    internal IReadOnlyCollection<ClientSession> Sessions => _host.Services.GetRequiredService<ClientRegistry>().Sessions;

    public IReadOnlyList<string> Symbols => _market.Symbols;

    /// <summary>The symbols that have chart and trades feeds.</summary>
    public IReadOnlyList<string> ChartedSymbols => _market.Symbols.Take(PageTestMarket.ChartedSymbols).ToArray();

    /// <summary>A feed's current JSON as the market last published it, or null.</summary>
    public string? FeedJson(string feed) => _market.Feeds.TryGetValue(feed, out var json) ? json : null;

    /// <param name="extraSettings">further gateway settings (<c>key=value</c>), for a test that starts its own gateway</param>
    public static async Task<LocalGateway> StartAsync(string wwwroot, params string[] extraSettings)
    {
        // A fixed token secret: a token from before a restart stays good, as with a configured production secret.
        string[] settings = [$"webroot={wwwroot}", "Auth:Enabled=true", "Auth:TokenSecret=browser-tests", $"Auth:Users:{Username}={Password}",
            .. OwnAccounts.Select(name => $"Auth:Users:{Username}-{name}={Password}"), .. extraSettings];
        var backend = new FakeScannerFeedBackend();
        return new LocalGateway(backend, await StartHostAsync(new Uri("http://127.0.0.1:0"), backend, settings), settings);
    }

    /// <summary>Stops the gateway (its sockets drop), keeps the port closed for <paramref name="downtime"/>, starts anew.</summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        var address = _host.Http;
        Interlocked.Add(ref _acceptedBefore, _host.Metrics.ConnectionsAccepted);
        await _host.DisposeAsync();
        await Task.Delay(downtime);
        _host = await StartHostAsync(address, _backend, _settings);
    }

    private static Task<GatewayTestHost> StartHostAsync(Uri url, FakeScannerFeedBackend backend, string[] settings) =>
        GatewayTestHost.StartAtAsync(url, services => services.AddSingleton<IScannerFeedBackend>(backend), settings);

    public async ValueTask DisposeAsync()
    {
        await _driver.DisposeAsync();
        await _host.DisposeAsync();
    }
}
