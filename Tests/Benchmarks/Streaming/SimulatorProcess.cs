using System.Net.Http.Json;
using Scanner.Tests.Support.Launcher;

namespace Scanner.Benchmarks.Streaming;

/// <summary>
/// The synthetic simulator in its own process (started by the system launcher, alone), as the real feed is another
/// machine: the silo's garbage collections never pause its sending. Read through its <c>/health</c>; killed on dispose.
/// </summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly ScannerSystem _system;
    private readonly HttpClient _http = new();

    private SimulatorProcess(ScannerSystem system) => _system = system;

    public Uri BaseUri => _system.SimulatorUri;
    public Uri WebSocketUri => _system.SimulatorWebSocketUri;

    public static async Task<SimulatorProcess> StartAsync(string key, int tickers, double rate, int frameSize) =>
        new(await ScannerSystem.StartAsync(new SystemSettings
        {
            Silos = 0,
            Gateway = false,
            LogLevel = "Warning",
            Simulator = new SimulatorSettings { ApiKey = key, Source = "Synthetic", Tickers = tickers, Rate = rate, FrameSize = frameSize },
        }));

    public async Task<Stats> StatsAsync() =>
        await _http.GetFromJsonAsync<Stats>(new Uri(BaseUri, "health")) ?? throw new InvalidOperationException("empty /health");

    public Task<(long OffsetMs, long UncertaintyMs)> ClockOffsetAsync() => Pipeline.SimulatorClock.MeasureOffsetAsync(_http, BaseUri);

    public async ValueTask DisposeAsync()
    {
        await _system.DisposeAsync();
        _http.Dispose();
    }

    public sealed record Stats(long EventsSent, long EventsDropped);
}
