using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Scanner.Tests.Support.Infrastructure;

/// <summary>
/// A NATS server with JetStream of this run (Debian's <c>nats-server</c>, which <c>scripts/bench.sh</c> and
/// <c>scripts/test.sh</c> install): its own temporary store folder and a free loopback port the server picks itself
/// (<c>-1</c>, read back from its log), so parallel runs never collide. Stopped and its folder removed on dispose.
/// Subject mappings given to <see cref="StartAsync"/> go into its configuration (<c>mappings</c>, account-wide, with
/// the mapping functions of NATS 2.8+ such as <c>{{partition(n,1,2)}}</c>).
/// </summary>
public sealed partial class NatsServer : IAsyncDisposable
{
    /// <summary>Where the executable is, if not where Debian puts it.</summary>
    public const string ExecutableVariable = "SCANNER_TEST_NATS_SERVER";

    private readonly Process _process;
    private readonly string _folder;

    private NatsServer(Process process, string folder, Uri uri)
    {
        _process = process;
        _folder = folder;
        Uri = uri;
    }

    public Uri Uri { get; }

    /// <summary>The server's process, whose CPU time a benchmark adds to the provider's cost.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The executable, or null where it is not installed.</summary>
    public static string? Executable { get; } =
        Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } configured
            ? configured
            : new[] { "/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server" }.FirstOrDefault(File.Exists);

    /// <summary>The installed server's version (<c>nats-server --version</c>), or null where it is not installed.</summary>
    public static Version? InstalledVersion { get; } = ReadVersion();

    public static async Task<NatsServer> StartAsync(IReadOnlyDictionary<string, string>? mappings = null, TimeSpan? timeout = null)
    {
        var executable = Executable ?? throw new InvalidOperationException(
            $"nats-server is not installed (apt-get install nats-server, or set {ExecutableVariable}).");
        var folder = Directory.CreateTempSubdirectory("scanner-nats.").FullName;
        var configuration = Path.Combine(folder, "nats.conf");
        await File.WriteAllTextAsync(configuration, $$"""
            listen: "127.0.0.1:-1"
            jetstream { store_dir: "{{Path.Combine(folder, "store")}}" }
            mappings {
            {{string.Join('\n', (mappings ?? new Dictionary<string, string>()).Select(m => $"  \"{m.Key}\": \"{m.Value}\""))}}
            }
            """);
        var start = new ProcessStartInfo(executable, ["-c", configuration])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        DataReceivedEventHandler read = (_, e) =>
        {
            if (e.Data is not { } line) return;
            log.Enqueue(line);
            if (ClientListener().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri($"nats://127.0.0.1:{match.Groups["port"].Value}"));
            }
        };
        process.ErrorDataReceived += read;
        process.OutputDataReceived += read;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            return new NatsServer(process, folder, await listening.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30)));
        }
        catch (TimeoutException)
        {
            await new NatsServer(process, folder, new Uri("nats://127.0.0.1")).DisposeAsync();
            throw new InvalidOperationException($"nats-server did not listen; its log:\n{string.Join('\n', log)}");
        }
    }

    private static Version? ReadVersion()
    {
        if (Executable is null) return null;
        using var process = Process.Start(new ProcessStartInfo(Executable, "--version") { RedirectStandardOutput = true, UseShellExecute = false });
        var output = process?.StandardOutput.ReadToEnd() ?? "";
        process?.WaitForExit();
        return VersionLine().Match(output) is { Success: true } match ? Version.Parse(match.Groups["version"].Value) : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"v(?<version>\d+\.\d+\.\d+)")]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"Listening for client connections on 127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ClientListener();
}
