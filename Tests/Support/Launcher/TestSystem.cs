using Scanner.Tests.Support.Infrastructure;

namespace Scanner.Tests.Support.Launcher;

/// <summary>How the integration and browser tests start the system: this run's Redis and RabbitMQ, the replayed day
/// from just before the open at 20x, a short listener lease (the failover test waits for it), one login.</summary>
public static class TestSystem
{
    public const string User = "trader";
    public const string Password = "correct-horse";

    public static Task<ScannerSystem> StartAsync(int silos) => ScannerSystem.StartAsync(new SystemSettings
    {
        Silos = silos,
        Redis = TestInfrastructure.Redis,
        RabbitMq = TestInfrastructure.RabbitMq,
        Simulator = new SimulatorSettings { Speed = 20, Start = "09:29" },
        QueueCount = 2,
        Users = new Dictionary<string, string> { [User] = Password },
        LogLevel = "Warning",
        SiloOverrides = new Dictionary<string, string> { ["Feed__LeaseDuration"] = "00:00:06" },
    });
}
