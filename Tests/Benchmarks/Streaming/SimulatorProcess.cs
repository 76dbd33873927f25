using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Scanner.Benchmarks.Streaming;

/// <summary>
/// The synthetic simulator in its own process, as the real feed is another machine: the silo's garbage collections
/// never pause its sending. Read through its <c>/health</c>; killed on dispose.
/// </summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new();

    private SimulatorProcess(Process process, int port)
    {
        _process = process;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        WebSocketUri = new Uri($"ws://127.0.0.1:{port}/stocks");
    }

    public Uri BaseUri { get; }
    public Uri WebSocketUri { get; }

    public static async Task<SimulatorProcess> StartAsync(string key, int tickers, double rate, int frameSize)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Scanner.Simulator.dll"),
                "--port", port.ToString(CultureInfo.InvariantCulture), "--key", key, "--source", "synthetic",
                "--tickers", tickers.ToString(CultureInfo.InvariantCulture), "--rate", rate.ToString(CultureInfo.InvariantCulture),
                "--frame-size", frameSize.ToString(CultureInfo.InvariantCulture),
            },
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the simulator");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var simulator = new SimulatorProcess(process, port);
        if (!await Polling.WaitForAsync(simulator.AnswersAsync, TimeSpan.FromSeconds(60)))
        {
            await simulator.DisposeAsync();
            throw new InvalidOperationException($"the simulator did not answer on {simulator.BaseUri}");
        }
        return simulator;
    }

    public async Task<Stats> StatsAsync() =>
        await _http.GetFromJsonAsync<Stats>(new Uri(BaseUri, "health")) ?? throw new InvalidOperationException("empty /health");

    public Task<(long OffsetMs, long UncertaintyMs)> ClockOffsetAsync() => Pipeline.SimulatorClock.MeasureOffsetAsync(_http, BaseUri);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _http.Dispose();
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(BaseUri, "health"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public sealed record Stats(long EventsSent, long EventsDropped);
}
