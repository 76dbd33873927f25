using System.Globalization;
using Scanner.Tests.Support.Launcher;

namespace Scanner.Launcher;

/// <summary>The launcher's command line, turned into <see cref="SystemSettings"/> and where to write the endpoints.</summary>
internal sealed record LauncherArguments(SystemSettings Settings, string? EndpointsFile)
{
    public const string Usage = """
        dotnet Scanner.Launcher.dll [options]   starts the system, prints its endpoints, stops it on Ctrl-C or SIGTERM
          --configuration Debug|Release   which build runs (the launcher's own)
          --silos N                       silo processes (2); --in-memory: one silo, nothing installed
          --no-gateway                    leave the gateway out
          --redis HOST:PORT --rabbitmq URI  this run's servers (SCANNER_TEST_REDIS, SCANNER_TEST_RABBITMQ)
          --source replay|synthetic --speed X --start HH:mm --tickers N --rate N --frame-size N   the simulator
          --simulator-port P --gateway-port P --silo-http-port P   fixed ports (free ones otherwise)
          --queues N                      RabbitMQ queues per data kind
          --user NAME=PASSWORD            a gateway login (repeatable); --client-key KEY: a static client key
          --log-level LEVEL               every process's default log level
          --run-dir DIR                   where {process}.log files go
          --endpoints FILE                write the endpoints there (shell assignments) once everything is healthy
        """;

    public static LauncherArguments Parse(string[] args)
    {
        var settings = new SystemSettings
        {
            Redis = Environment.GetEnvironmentVariable("SCANNER_TEST_REDIS"),
            RabbitMq = Environment.GetEnvironmentVariable("SCANNER_TEST_RABBITMQ"),
        };
        var simulator = settings.Simulator;
        var users = new Dictionary<string, string>();
        string? endpoints = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");
            switch (args[i])
            {
                case "--configuration": settings = settings with { Configuration = Value() }; break;
                case "--silos": settings = settings with { Silos = Int(Value()) }; break;
                case "--in-memory": settings = settings with { InMemory = true, Silos = 1 }; break;
                case "--no-gateway": settings = settings with { Gateway = false }; break;
                case "--redis": settings = settings with { Redis = Value() }; break;
                case "--rabbitmq": settings = settings with { RabbitMq = Value() }; break;
                case "--source": simulator = simulator with { Source = Value() }; break;
                case "--speed": simulator = simulator with { Speed = double.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--start": simulator = simulator with { Start = Value() }; break;
                case "--tickers": simulator = simulator with { Tickers = Int(Value()) }; break;
                case "--rate": simulator = simulator with { Rate = double.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--frame-size": simulator = simulator with { FrameSize = Int(Value()) }; break;
                case "--simulator-port": simulator = simulator with { Port = Int(Value()) }; break;
                case "--gateway-port": settings = settings with { GatewayPort = Int(Value()) }; break;
                case "--silo-http-port": settings = settings with { SiloHttpPort = Int(Value()) }; break;
                case "--queues": settings = settings with { QueueCount = Int(Value()) }; break;
                case "--user":
                    var (user, password) = Value().Split('=', 2) is [var u, var p] ? (u, p) : throw new ArgumentException("--user takes NAME=PASSWORD");
                    users[user] = password;
                    break;
                case "--client-key": settings = settings with { ClientApiKey = Value() }; break;
                case "--log-level": settings = settings with { LogLevel = Value() }; break;
                case "--run-dir": settings = settings with { RunDirectory = Path.GetFullPath(Value()) }; break;
                case "--endpoints": endpoints = Path.GetFullPath(Value()); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return new LauncherArguments(settings with { Simulator = simulator, Users = users }, endpoints);
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
