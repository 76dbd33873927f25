using Scanner.Gateway.Auth;
using Scanner.Gateway.Backend;
using Scanner.Gateway.FanOut;
using Scanner.Gateway.Health;
using Scanner.Gateway.Hosting;

namespace Scanner.Gateway.Connections;

/// <summary>The gateway's shared parts that every client connection and its session use.</summary>
internal sealed record ClientServices(
    ScannerFeedHub Hub,
    IScannerFeedBackend Backend,
    ClientAuthenticator Authenticator,
    ClientRegistry Registry,
    GatewayMetrics Metrics,
    GatewayOptions Options,
    TimeProvider Time,
    ILogger Logger);
