using Scanner.Tests.Support.Infrastructure;

namespace Scanner.Tests.Support.Launcher;

/// <summary>
/// Where one start of the system lives: its cluster (also the queue prefix, so that runs on a shared Redis and
/// RabbitMQ never see each other), its loopback ports and the gateway's token secret.
/// </summary>
public sealed record SystemLayout(string ClusterId, int SimulatorPort, IReadOnlyList<SiloPorts> Silos, int GatewayPort, string TokenSecret)
{
    // Localhost clustering (the in-memory silo) is found by the gateway's client on Orleans' default ports.
    private static readonly SiloPorts LocalhostClusteringPorts = new(0, 11111, 30000);

    public static SystemLayout Allocate(SystemSettings settings)
    {
        var silos = Enumerable.Range(0, settings.Silos).Select(i => settings.InMemory
            ? LocalhostClusteringPorts with { Http = Port(settings.SiloHttpPort, i) }
            : new SiloPorts(Port(settings.SiloHttpPort, i), LoopbackPorts.Free(), LoopbackPorts.Free())).ToList();
        return new SystemLayout(
            $"system-{Guid.NewGuid():N}"[..20],
            Port(settings.Simulator.Port, 0),
            silos,
            settings.Gateway ? Port(settings.GatewayPort, 0) : 0,
            Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
    }

    private static int Port(int first, int offset) => first == 0 ? LoopbackPorts.Free() : LoopbackPorts.Available(first + offset);
}

/// <summary>A silo's HTTP port (health, dashboard) and its Orleans silo-to-silo and client gateway ports.</summary>
public sealed record SiloPorts(int Http, int Silo, int Gateway);
