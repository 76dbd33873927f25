using Scanner.Tests.Support.Infrastructure;

namespace Scanner.Tests.Support.Launcher;

/// <summary>How the integration and browser tests start the system: this run's Redis and RabbitMQ, the replayed day
/// from just before the open at 20x without its quotes, a short listener lease (the failover test waits for it), one
/// login.</summary>
public static class TestSystem
{
    public const string User = "trader";
    public const string Password = "correct-horse";

    public static Task<ScannerSystem> StartAsync(int silos) => ScannerSystem.StartAsync(Settings(silos));

    public static SystemSettings Settings(int silos) => new()
    {
        Silos = silos,
        Redis = TestInfrastructure.Redis,
        RabbitMq = TestInfrastructure.RabbitMq,
        Simulator = new SimulatorSettings { Speed = 20, Start = "09:29" },
        QueueCount = 2,
        Users = new Dictionary<string, string> { [User] = Password },
        LogLevel = "Warning",
        // No quotes: the replayed day's real quotes around the open at 20x (thousands a second) are more than a 2-core
        // test machine publishes while it also runs the browser or a second silo, and these tests check trades, bars
        // and what is built from them; the demo system (below) and the quote replay tests carry the quotes.
        SiloOverrides = new Dictionary<string, string>
        {
            ["Feed__LeaseDuration"] = "00:00:06",
            ["Feed__Subscriptions__0"] = "T.*", ["Feed__Subscriptions__1"] = "A.*", ["Feed__Subscriptions__2"] = "LULD.*",
        },
    };

    /// <summary>The default demo of <c>scripts/run.sh</c>: the replayed day plus the synthetic universe from 09:20 at 30x.</summary>
    public static Task<ScannerSystem> StartDemoAsync(int silos) => ScannerSystem.StartAsync(new SystemSettings
    {
        Silos = silos,
        Redis = TestInfrastructure.Redis,
        RabbitMq = TestInfrastructure.RabbitMq,
        Simulator = new SimulatorSettings { Source = "Demo", Speed = 30, Start = "09:20", Tickers = 3000, Rate = 1000 },
        QueueCount = 2,
        Users = new Dictionary<string, string> { [User] = Password },
        LogLevel = "Warning",
    });
}
