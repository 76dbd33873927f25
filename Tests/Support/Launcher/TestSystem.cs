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

    /// <summary>The default demo of <c>scripts/run.sh</c>: the replayed day plus the synthetic universe from 09:20 at 30x.</summary>
    public static Task<ScannerSystem> StartDemoAsync(int silos) => ScannerSystem.StartAsync(new SystemSettings
    {
        Silos = silos,
        Redis = TestInfrastructure.Redis,
        RabbitMq = TestInfrastructure.RabbitMq,
        Simulator = new SimulatorSettings { Source = "Demo", Speed = 30, Start = "09:20", Tickers = 3000, Rate = 5000 },
        QueueCount = 2,
        Users = new Dictionary<string, string> { [User] = Password },
        LogLevel = "Warning",
    });
}
