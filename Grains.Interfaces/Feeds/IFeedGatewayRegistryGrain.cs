namespace Scanner.Feeds;

/// <summary>
/// The registry of gateway observers (key 0). A gateway calls <see cref="Register"/> every few seconds;
/// an observer not renewed within its lease is dropped, so a dead gateway stops costing fan-out.
/// </summary>
public interface IFeedGatewayRegistryGrain : IGrainWithIntegerKey
{
    Task Register(IFeedObserver observer, TimeSpan lease);

    Task Unregister(IFeedObserver observer);

    Task<IFeedObserver[]> GetGateways();
}
