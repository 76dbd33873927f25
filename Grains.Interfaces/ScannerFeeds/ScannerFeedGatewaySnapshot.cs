namespace Scanner.ScannerFeeds;

/// <summary>The gateways a silo delivers feed updates to; <paramref name="Version"/> changes whenever the table does.</summary>
[GenerateSerializer, Immutable, Alias("scanner.feeds.gateway-snapshot")]
public sealed record ScannerFeedGatewaySnapshot(long Version, ScannerFeedGateway[] Gateways);
