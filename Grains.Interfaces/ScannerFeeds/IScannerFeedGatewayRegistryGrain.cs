namespace Scanner.ScannerFeeds;

/// <summary>
/// The registry of gateway observers (key 0). A gateway registers its one observer with the union of its clients'
/// interests every few seconds and whenever that interest changes; an observer not renewed within its lease is
/// dropped, so a dead gateway stops costing fan-out. Silos poll <see cref="GetGatewaysIfChanged"/> about once a
/// second and only receive a new table when something changed.
/// </summary>
public interface IScannerFeedGatewayRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or renews <paramref name="observer"/> with its interest (exact feeds and wildcards such as <c>quote:*</c>).</summary>
    Task Register(IScannerFeedObserver observer, string[] interests, TimeSpan lease);

    Task Unregister(IScannerFeedObserver observer);

    /// <summary>The current gateways, or null when their table still has <paramref name="knownVersion"/>.</summary>
    Task<ScannerFeedGatewaySnapshot?> GetGatewaysIfChanged(long knownVersion);
}
