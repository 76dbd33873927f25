using System.Runtime.InteropServices;
using Scanner.Tests.Support.Launcher;

namespace Scanner.Launcher;

/// <summary>
/// Starts the system as <see cref="SystemProcesses"/> defines it, prints where everything is, and keeps it running
/// until Ctrl-C, SIGTERM or one of its processes exiting (then it says which, and fails).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["-h" or "--help"])
        {
            Console.WriteLine(LauncherArguments.Usage);
            return 0;
        }
        LauncherArguments arguments;
        try
        {
            arguments = LauncherArguments.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n{LauncherArguments.Usage}");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        ScannerSystem system;
        try
        {
            system = await ScannerSystem.StartAsync(arguments.Settings);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FileNotFoundException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        if (stop.IsCancellationRequested)
        {
            // Asked to stop while starting: the start ran to its end so that nothing it launched is left behind.
            await system.DisposeAsync();
            return 130;
        }
        await using (system)
        {
            var endpoints = SystemEndpoints.Describe(system);
            if (arguments.EndpointsFile is { } file)
            {
                // Written whole, then moved: a script waiting for the file never reads half of it.
                await File.WriteAllTextAsync($"{file}.partial", endpoints);
                File.Move($"{file}.partial", file, overwrite: true);
            }
            Console.WriteLine(endpoints);
            try
            {
                var exited = await system.FirstExitAsync(stop.Token);
                await Console.Error.WriteLineAsync($"{exited.Name} exited ({exited.ExitCode}); last lines of {exited.LogPath}:\n{exited.Tail(30)}");
                return 1;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }
    }
}
