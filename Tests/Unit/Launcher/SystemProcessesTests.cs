using Scanner.Tests.Support.Launcher;

namespace Scanner.Tests.Unit.Launcher;

public sealed class SystemProcessesTests
{
    private static readonly SystemSettings Real = new()
    {
        Silos = 2,
        Redis = "127.0.0.1:6390",
        RabbitMq = "amqp://guest:guest@127.0.0.1:5690/",
        Users = new Dictionary<string, string> { ["demo"] = "secret" },
    };

    [Fact]
    public void Silos_and_gateway_join_one_cluster_of_their_own_and_the_silos_read_the_simulator()
    {
        var layout = SystemLayout.Allocate(Real);
        var silos = Enumerable.Range(0, 2).Select(i => SystemProcesses.Silo(Real, layout, i).Environment).ToList();
        var gateway = SystemProcesses.Gateway(Real, layout).Environment;

        Assert.All(silos, silo => Assert.Equal(layout.ClusterId, silo["Infrastructure__ClusterId"]));
        Assert.All(silos, silo => Assert.Equal(layout.ClusterId, silo["Host__QueuePrefix"]));
        Assert.Equal(layout.ClusterId, gateway["Infrastructure__ClusterId"]);
        Assert.All(silos, silo => Assert.Equal($"ws://127.0.0.1:{layout.SimulatorPort}/stocks", silo["MASSIVE_FEED_URL"]));
        Assert.NotEqual(silos[0]["ORLEANS_SILO_PORT"], silos[1]["ORLEANS_SILO_PORT"]);
        Assert.Equal("secret", gateway["Auth__Users__demo"]);
        Assert.Equal("127.0.0.1:6390", gateway["REDIS_URL"]);
    }

    [Fact]
    public void Two_starts_never_share_a_cluster_or_queues() =>
        Assert.NotEqual(SystemLayout.Allocate(Real).ClusterId, SystemLayout.Allocate(Real).ClusterId);

    [Fact]
    public void In_memory_the_silo_listens_where_the_gateways_localhost_clustering_looks_and_no_server_is_named()
    {
        var settings = Real with { InMemory = true, Silos = 1, Redis = null, RabbitMq = null };
        var layout = SystemLayout.Allocate(settings);
        var silo = SystemProcesses.Silo(settings, layout, 0).Environment;
        var gateway = SystemProcesses.Gateway(settings, layout).Environment;

        Assert.Equal("InMemory", silo["SCANNER_INFRASTRUCTURE"]);
        Assert.Equal("30000", silo["ORLEANS_GATEWAY_PORT"]);
        Assert.False(silo.ContainsKey("REDIS_URL"));
        Assert.False(gateway.ContainsKey("REDIS_URL"));
    }

    [Fact]
    public void A_real_silo_without_servers_is_refused() =>
        Assert.Throws<ArgumentException>(() => SystemProcesses.Silo(Real with { Redis = null }, SystemLayout.Allocate(Real), 0));

    [Fact]
    public void Fixed_ports_are_used_as_given_and_silos_count_up_from_the_first()
    {
        var first = LoopbackPorts.Free();
        var layout = SystemLayout.Allocate(Real with { SiloHttpPort = first });
        Assert.Equal([first, first + 1], layout.Silos.Select(s => s.Http));
    }
}
