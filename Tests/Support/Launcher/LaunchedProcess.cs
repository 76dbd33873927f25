using System.Diagnostics;

namespace Scanner.Tests.Support.Launcher;

/// <summary>One running process of the system: <c>dotnet</c> on its built assembly, its output in <c>{name}.log</c>.</summary>
public sealed class LaunchedProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private LaunchedProcess(ProcessDefinition definition, Process process, string logPath, StreamWriter log)
    {
        Definition = definition;
        _process = process;
        LogPath = logPath;
        _log = log;
    }

    public ProcessDefinition Definition { get; }

    public string Name => Definition.Name;

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static LaunchedProcess Start(ProcessDefinition definition, string configuration, string runDirectory)
    {
        var dll = BuildOutput.Assembly(definition.Project, configuration);
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in definition.Environment)
        {
            start.Environment[key] = value;
        }
        var logPath = Path.Combine(runDirectory, $"{definition.Name}.log");
        var log = new StreamWriter(new FileStream(logPath, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {definition.Name}");
        var launched = new LaunchedProcess(definition, process, logPath, log);
        process.OutputDataReceived += (_, e) => launched.Append(e.Data);
        process.ErrorDataReceived += (_, e) => launched.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return launched;
    }

    /// <summary>The last <paramref name="lines"/> lines it printed.</summary>
    public string Tail(int lines)
    {
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
    }

    /// <summary>Ends it at once, without a clean shutdown (as a crash or a lost machine would).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellation = default) => _process.WaitForExitAsync(cancellation);

    public int ExitCode => _process.ExitCode;

    public void Dispose()
    {
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            if (_log.BaseStream.CanWrite)
            {
                _log.WriteLine(line);
            }
        }
    }
}
