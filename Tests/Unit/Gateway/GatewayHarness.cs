using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Scanner.ScannerFeeds;
using Scanner.Gateway.Auth;
using Scanner.Gateway.Backend;
using Scanner.Gateway.Connections;
using Scanner.Gateway.FanOut;
using Scanner.Gateway.Health;
using Scanner.Gateway.Hosting;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Unit.Gateway;

/// <summary>The gateway's shared parts, real but without Kestrel or Orleans (a fake backend and clock), for the hub,
/// sessions and connections under test.</summary>
internal sealed class GatewayHarness
{
    public GatewayHarness(GatewayOptions? options = null, AuthOptions? auth = null)
    {
        Options = options ?? new GatewayOptions();
        Auth = auth ?? new AuthOptions();
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        Metrics = new GatewayMetrics(meters);
        var gatewayOptions = Microsoft.Extensions.Options.Options.Create(Options);
        var authOptions = Microsoft.Extensions.Options.Options.Create(Auth);
        Tokens = new TokenService(authOptions, Time);
        Hub = new ScannerFeedHub(Backend, Metrics, gatewayOptions, Time, NullLogger<ScannerFeedHub>.Instance);
        Backend.StartAsync(Hub, CancellationToken.None);
        var authenticator = new ClientAuthenticator(Tokens, new UserDirectory(authOptions), Sessions(Backend, Auth, Time, Options), authOptions);
        Services = new ClientServices(Hub, Backend, authenticator, new ClientRegistry(gatewayOptions), Metrics, Options, Time, NullLogger.Instance);
    }

    public GatewayOptions Options { get; }

    public AuthOptions Auth { get; }

    public FakeTimeProvider Time { get; } = new();

    public FakeScannerFeedBackend Backend { get; } = new();

    public GatewayMetrics Metrics { get; }

    public TokenService Tokens { get; }

    public ScannerFeedHub Hub { get; }

    public ClientServices Services { get; }

    public (ClientSession Session, RecordingChannel Channel) Open(int replyCapacity = int.MaxValue)
    {
        var channel = new RecordingChannel(replyCapacity);
        return (new ClientSession(channel, Services), channel);
    }

    /// <summary>The session generations of <paramref name="backend"/>'s users as the gateway reads them.</summary>
    public static SessionGenerations Sessions(IScannerFeedBackend backend, AuthOptions auth, TimeProvider clock, GatewayOptions? options = null) =>
        new(backend, Microsoft.Extensions.Options.Options.Create(auth), Microsoft.Extensions.Options.Options.Create(options ?? new GatewayOptions()),
            new GatewayMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()), clock,
            NullLogger<SessionGenerations>.Instance);

    public static ScannerFeedUpdate Update(string feed, long version, string json) =>
        new(feed, Encoding.UTF8.GetBytes(json), version, 1_700_000_000_000 + version);
}

internal static class ClientSessionExtensions
{
    /// <summary>Checks a credential as a socket's auth does (the session generation as recently read).</summary>
    public static Task<TokenCheck> CheckAsync(this ClientAuthenticator authenticator, string credential) =>
        authenticator.AuthenticateAsync(credential, freshSession: false, CancellationToken.None);

    public static Task SendAsync(this ClientSession session, string json) =>
        session.ReceiveTextAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None);
}
