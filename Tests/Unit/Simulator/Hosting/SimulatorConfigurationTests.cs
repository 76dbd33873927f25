using Microsoft.Extensions.Configuration;
using Scanner.Simulator;
using Scanner.Simulator.Hosting;

namespace Scanner.Tests.Unit.Simulator.Hosting;

public class SimulatorConfigurationTests
{
    private static SimulatorOptions Bind(string[] args, Dictionary<string, string?>? environment = null) =>
        SimulatorConfiguration.Bind(new ConfigurationBuilder()
            .AddInMemoryCollection(environment ?? [])
            .AddCommandLine(args, SimulatorConfiguration.Switches.ToDictionary())
            .Build());

    [Fact]
    public void Command_line_switches_set_every_option()
    {
        var options = Bind(["--port", "4190", "--key", "k", "--source", "synthetic", "--data", "/d", "--day", "2013-10-08",
            "--speed", "10", "--start", "03:59", "--tickers", "10", "--rate", "500", "--seed", "3", "--frame-size", "7",
            "--auth-timeout", "1.5", "--queue", "99", "--max-connections", "2", "--host", "0.0.0.0"]);

        Assert.Equal((4190, "k", FeedSourceKind.Synthetic, "/d"), (options.Port, options.ApiKey, options.Source, options.DataFolder));
        Assert.Equal((new DateOnly(2013, 10, 8), 10.0, new TimeOnly(3, 59)), (options.Day, options.Speed, options.Start));
        Assert.Equal(((int?)10, (double?)500.0, 3, 7), (options.Tickers, options.Rate, options.Seed, options.FrameSize));
        Assert.Equal((1.5, 99, 2, "0.0.0.0"), (options.AuthTimeoutSeconds, options.QueueCapacity, options.MaxConnectionsPerKey, options.Host));
    }

    [Fact]
    public void The_massive_key_variable_is_an_alias_that_an_explicit_key_overrides()
    {
        Assert.Equal("from-env", Bind([], new() { ["MASSIVE_API_KEY"] = "from-env" }).ApiKey);
        Assert.Equal("explicit", Bind(["--key", "explicit"], new() { ["MASSIVE_API_KEY"] = "from-env" }).ApiKey);
        Assert.Equal("simulator-key", Bind([]).ApiKey);
    }

    [Fact]
    public void The_demo_runs_a_small_synthetic_universe_unless_told_otherwise()
    {
        Assert.Equal((300, 300.0), (Bind(["--source", "demo"]).SyntheticTickers, Bind(["--source", "demo"]).SyntheticRate));
        Assert.Equal((5_000, 20_000.0), (Bind(["--source", "synthetic"]).SyntheticTickers, Bind(["--source", "synthetic"]).SyntheticRate));
        Assert.Equal((40, 50.0), (Bind(["--source", "demo", "--tickers", "40", "--rate", "50"]).SyntheticTickers, Bind(["--source", "demo", "--tickers", "40", "--rate", "50"]).SyntheticRate));
    }

    [Fact]
    public void Nonsense_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Bind(["--frame-size", "0"]));
        Assert.Throws<ArgumentException>(() => Bind(["--speed", "-1"]));
        Assert.Throws<ArgumentException>(() => Bind(["--source", "synthetic", "--speed", "0"]));
        Assert.Equal(0, Bind(["--source", "replay", "--speed", "0"]).Speed);
    }
}
