namespace Scanner.Tests.Integration.Infrastructure;

/// <summary>
/// Tests that stop the shared broker (<see cref="Scanner.Tests.Support.Infrastructure.RabbitMqBroker"/>) or restart the
/// shared Redis (<see cref="Scanner.Tests.Support.Infrastructure.RedisServer"/>) would break every test running beside them:
/// xunit runs this collection on its own, after all parallel collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerOutageCollection
{
    public const string Name = "Broker outages";
}
