using Microsoft.Extensions.Configuration;
using Scanner.ServiceDefaults.Configuration;

namespace Scanner.Simulator.Hosting;

/// <summary>
/// Reads <see cref="SimulatorOptions"/> from, in rising precedence: <c>appsettings.simulator.json</c> next to the
/// executable, environment variables (<c>Simulator__Port=4190</c>; <c>MASSIVE_API_KEY</c> or <c>POLYGON_API_KEY</c>
/// for the key) and command line switches (<c>--port 4190 --source synthetic --rate 20000</c>).
/// The settings file has its own name so that it never collides with a host's appsettings.json in test output.
/// </summary>
public static class SimulatorConfiguration
{
    public const string SettingsFile = "appsettings.simulator.json";

    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>
    {
        ["--host"] = Key(nameof(SimulatorOptions.Host)),
        ["--port"] = Key(nameof(SimulatorOptions.Port)),
        ["--key"] = Key(nameof(SimulatorOptions.ApiKey)),
        ["--source"] = Key(nameof(SimulatorOptions.Source)),
        ["--data"] = Key(nameof(SimulatorOptions.DataFolder)),
        ["--day"] = Key(nameof(SimulatorOptions.Day)),
        ["--speed"] = Key(nameof(SimulatorOptions.Speed)),
        ["--start"] = Key(nameof(SimulatorOptions.Start)),
        ["--tickers"] = Key(nameof(SimulatorOptions.Tickers)),
        ["--rate"] = Key(nameof(SimulatorOptions.Rate)),
        ["--seed"] = Key(nameof(SimulatorOptions.Seed)),
        ["--frame-size"] = Key(nameof(SimulatorOptions.FrameSize)),
        ["--auth-timeout"] = Key(nameof(SimulatorOptions.AuthTimeoutSeconds)),
        ["--queue"] = Key(nameof(SimulatorOptions.QueueCapacity)),
        ["--max-connections"] = Key(nameof(SimulatorOptions.MaxConnectionsPerKey)),
    };

    public static SimulatorOptions Load(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile(SettingsFile, optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args, Switches.ToDictionary())
            .Build();
        return Bind(configuration);
    }

    public static SimulatorOptions Bind(IConfiguration configuration)
    {
        // The original's variable names (MASSIVE_API_KEY, POLYGON_API_KEY) fill what is not set explicitly.
        var withAliases = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(EnvironmentAliases.Map(configuration))
            .Build();
        var options = withAliases.GetSection(SimulatorOptions.Section).Get<SimulatorOptions>() ?? new SimulatorOptions();
        options.Validate();
        return options;
    }

    private static string Key(string property) => $"{SimulatorOptions.Section}:{property}";
}
