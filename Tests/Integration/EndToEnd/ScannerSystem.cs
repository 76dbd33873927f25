using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Scanner.Simulator;
using Scanner.Simulator.Hosting;

namespace Scanner.Tests.Integration.EndToEnd;

/// <summary>
/// The system as operators run it: the simulator, N silo PROCESSES forming a real cluster over Redis clustering,
/// RabbitMQ streams and Redis storage, and a gateway process, all started from the built binaries on free loopback
/// ports. Each instance has its own cluster id and queue prefix, so runs never see each other.
/// </summary>
public sealed class ScannerSystem : IAsyncDisposable
{
    private const string FeedKey = "system-key";
    private readonly List<(string Name, Process Process, StringBuilder Log)> _processes = [];
    private readonly string _clusterId = $"system-{Guid.NewGuid():N}"[..20];

    private ScannerSystem(SimulatorServer simulator) => Simulator = simulator;

    public SimulatorServer Simulator { get; }

    public Uri GatewayUri { get; private set; } = null!;

    public List<Uri> SiloHealth { get; } = [];

    public static async Task<ScannerSystem> StartAsync(int silos = 2, double speed = 20)
    {
        var simulator = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            ApiKey = FeedKey, Speed = speed, Start = new TimeOnly(9, 29, 0),
        });
        var system = new ScannerSystem(simulator);
        try
        {
            for (var i = 0; i < silos; i++)
            {
                await system.StartSiloAsync(i);
            }
            foreach (var health in system.SiloHealth)
            {
                await WaitForHealthAsync(health, system);
            }
            var gatewayPort = FreePort();
            system.GatewayUri = new Uri($"http://127.0.0.1:{gatewayPort}/");
            system.Start("gateway", "Gateway", new()
            {
                ["REDIS_URL"] = TestInfrastructure.Redis,
                ["Infrastructure__ClusterId"] = system._clusterId,
                ["Infrastructure__ServiceId"] = system._clusterId,
                ["AUTH_ENABLED"] = "true",
                ["AUTH_TOKEN_SECRET"] = "system-test-secret-0123456789abcdef",
                ["Auth__Users__trader"] = "correct-horse",
                ["ASPNETCORE_URLS"] = system.GatewayUri.ToString().TrimEnd('/'),
                // The page is served from the source tree's wwwroot (a build does not copy it; a publish does).
                ["ASPNETCORE_CONTENTROOT"] = Path.Combine(RepositoryRoot, "Gateway"),
            });
            await WaitForHealthAsync(new Uri(system.GatewayUri, "health"), system);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private async Task StartSiloAsync(int index)
    {
        var http = FreePort();
        SiloHealth.Add(new Uri($"http://127.0.0.1:{http}/health"));
        Start($"silo{index + 1}", "Silo", new()
        {
            ["SCANNER_INFRASTRUCTURE"] = "Real",
            ["REDIS_URL"] = TestInfrastructure.Redis,
            ["RABBITMQ_URL"] = TestInfrastructure.RabbitMq,
            ["Infrastructure__ClusterId"] = _clusterId,
            ["Infrastructure__ServiceId"] = _clusterId,
            ["Host__QueuePrefix"] = _clusterId,
            ["Host__QueueCount"] = "2",
            ["ORLEANS_SILO_PORT"] = FreePort().ToString(),
            ["ORLEANS_GATEWAY_PORT"] = FreePort().ToString(),
            ["MASSIVE_API_KEY"] = FeedKey,
            ["MASSIVE_FEED_URL"] = Simulator.WebSocketUri.ToString(),
            ["HYDRATION_BASE_URL"] = Simulator.RestBaseUri.ToString(),
            ["Feed__LeaseDuration"] = "00:00:06",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{http}",
        });
        await Task.CompletedTask;
    }

    /// <summary>Kills silo <paramref name="index"/> (1-based name silo{index+1}) without a clean shutdown.</summary>
    public void KillSilo(int index)
    {
        var (_, process, _) = _processes.Single(p => p.Name == $"silo{index + 1}");
        process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    /// <summary>Everything the processes printed, for a failing test's message.</summary>
    public string Logs(int lastLines = 40) => string.Join('\n', _processes.Select(p =>
    {
        lock (p.Log)
        {
            var lines = p.Log.ToString().Split('\n');
            return $"--- {p.Name} ---\n" + string.Join('\n', lines.TakeLast(lastLines));
        }
    }));

    private void Start(string name, string project, Dictionary<string, string> environment)
    {
        var dll = Path.Combine(RepositoryRoot, project, "bin", BuildConfiguration, "net10.0", $"Scanner.{project}.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the solution first (scripts/test.sh does)", dll);
        }
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        var log = new StringBuilder();
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (log)
            {
                log.AppendLine(line);
            }
        }
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add((name, process, log));
    }

    private static async Task WaitForHealthAsync(Uri health, ScannerSystem system)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var response = await http.GetAsync(health);
                if (response.StatusCode is HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"{health} did not answer 200 within 3 minutes.\n{system.Logs()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Scanner.Orleans.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("Scanner.Orleans.sln not found above the test binaries");
        }
    }

    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, process, _) in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        foreach (var (_, process, _) in _processes)
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15)).ContinueWith(static _ => { }, TaskScheduler.Default);
            process.Dispose();
        }
        await Simulator.DisposeAsync();
    }
}
