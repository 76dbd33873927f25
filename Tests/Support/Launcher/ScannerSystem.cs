using System.Net;
using Scanner.ServiceDefaults;

namespace Scanner.Tests.Support.Launcher;

/// <summary>
/// The system as operators run it, from the built binaries: the simulator, N silo processes (a real cluster over
/// Redis clustering, RabbitMQ streams and Redis storage, or one in-memory silo) and the gateway, each started as
/// <see cref="SystemProcesses"/> defines on loopback ports, each waited for until its <c>/health</c> answers 200.
/// Disposing kills them all.
/// </summary>
public sealed class ScannerSystem : IAsyncDisposable
{
    /// <summary>Bounds a failing start only: cold silos on a busy machine take tens of seconds.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly List<LaunchedProcess> _processes = [];
    private readonly bool _ownsRunDirectory;

    private ScannerSystem(SystemSettings settings, SystemLayout layout, string runDirectory, bool ownsRunDirectory)
    {
        Settings = settings;
        Layout = layout;
        RunDirectory = runDirectory;
        _ownsRunDirectory = ownsRunDirectory;
    }

    public SystemSettings Settings { get; }

    public SystemLayout Layout { get; }

    /// <summary>The folder holding each process's <c>{name}.log</c>.</summary>
    public string RunDirectory { get; }

    public IReadOnlyList<LaunchedProcess> Processes => _processes;

    public Uri SimulatorUri => SystemProcesses.SimulatorBase(Layout);

    public Uri SimulatorWebSocketUri => SystemProcesses.SimulatorWebSocket(Layout);

    public Uri GatewayUri => SystemProcesses.GatewayBase(Layout);

    public IReadOnlyList<Uri> SiloHealth => _processes.Where(p => p.Definition.Project == "Silo").Select(p => p.Definition.Health).ToList();

    /// <summary>Each silo's readiness, <c>/health/ready</c>, on the base of its <see cref="SiloHealth"/>.</summary>
    public IReadOnlyList<Uri> SiloReady => SiloHealth.Select(h => new Uri(h, ServiceDefaultsExtensions.ReadyPath)).ToList();

    public static async Task<ScannerSystem> StartAsync(SystemSettings settings)
    {
        var ownsRunDirectory = settings.RunDirectory is null;
        var runDirectory = settings.RunDirectory ?? Directory.CreateTempSubdirectory("scanner-system.").FullName;
        Directory.CreateDirectory(runDirectory);
        var system = new ScannerSystem(settings, SystemLayout.Allocate(settings), runDirectory, ownsRunDirectory);
        try
        {
            await system.StartAndWaitAsync([SystemProcesses.Simulator(settings, system.Layout)]);
            await system.StartAndWaitAsync(Enumerable.Range(0, settings.Silos).Select(i => SystemProcesses.Silo(settings, system.Layout, i)).ToList());
            if (settings.Gateway)
            {
                await system.StartAndWaitAsync([SystemProcesses.Gateway(settings, system.Layout)]);
            }
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>Silo <paramref name="index"/> (0-based; its process and log are named silo{index+1}).</summary>
    public LaunchedProcess Silo(int index) => _processes.Single(p => p.Name == $"silo{index + 1}");

    /// <summary>Kills silo <paramref name="index"/> without a clean shutdown.</summary>
    public async Task KillSiloAsync(int index)
    {
        var silo = Silo(index);
        silo.Kill();
        await silo.WaitForExitAsync();
    }

    /// <summary>The gateway process (the system was started with one).</summary>
    public LaunchedProcess Gateway => _processes.Single(p => p.Definition.Project == "Gateway");

    /// <summary>Kills <paramref name="process"/> without a clean shutdown and starts it again on the same ports.</summary>
    public async Task RestartAsync(LaunchedProcess process)
    {
        process.Kill();
        await process.WaitForExitAsync();
        _processes.Remove(process);
        process.Dispose();
        await StartAndWaitAsync([process.Definition]);
    }

    /// <summary>The first process to exit on its own (the system is broken then).</summary>
    public async Task<LaunchedProcess> FirstExitAsync(CancellationToken cancellation)
    {
        var exits = _processes.ToDictionary(p => p.WaitForExitAsync(cancellation));
        var first = await Task.WhenAny(exits.Keys);
        await first; // cancelled: OperationCanceledException, not an exit
        return exits[first];
    }

    /// <summary>The last lines every process printed, for a failing test's message.</summary>
    public string Logs(int lastLines = 40) => string.Join('\n', _processes.Select(p => $"--- {p.Name} ---\n{p.Tail(lastLines)}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Kill();
        }
        foreach (var process in _processes)
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15)).ContinueWith(static _ => { }, TaskScheduler.Default);
            process.Dispose();
        }
        if (_ownsRunDirectory)
        {
            Directory.Delete(RunDirectory, recursive: true);
        }
    }

    private async Task StartAndWaitAsync(IReadOnlyList<ProcessDefinition> definitions)
    {
        var started = definitions.Select(d => LaunchedProcess.Start(d, Settings.Configuration, RunDirectory)).ToList();
        _processes.AddRange(started);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var process in started)
        {
            var up = await Polling.WaitForAsync(async () => process.HasExited || await AnswersAsync(http, process.Definition.Health), StartTimeout);
            if (!up || process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{process.Name} {(up ? "exited" : $"did not answer 200 on {process.Definition.Health} within {StartTimeout}")}\n{Logs()}");
            }
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient http, Uri health)
    {
        try
        {
            using var response = await http.GetAsync(health);
            return response.StatusCode is HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
