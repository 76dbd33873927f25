using Microsoft.Extensions.Logging;
using Scanner.Simulator.Distribution;
using Scanner.Simulator.Reference;
using Scanner.Simulator.Replay;
using Scanner.Simulator.Synthetic;
using Scanner.Simulator.Time;

namespace Scanner.Simulator.Sources;

/// <summary>
/// The demo: the replayed real day and a synthetic universe (symbols starting with <c>Z</c>) on one session clock, so
/// that they share the day, the start and the speed, and every scanner widget has something to show. The REST
/// endpoints answer for both.
/// </summary>
public sealed class DemoSource : IFeedSource
{
    private readonly ReplaySource _replay;
    private readonly SyntheticSource _synthetic;

    public DemoSource(SimulatorOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        Clock = new SimulatedClock(options.Day ?? SimulatorOptions.SampleDay, options.Start ?? ReplaySource.DefaultStart, options.Speed, time);
        _replay = new ReplaySource(options, Clock, loggers.CreateLogger<ReplaySource>());
        _synthetic = new SyntheticSource(options, Clock, time, loggers.CreateLogger<SyntheticSource>());
        Reference = new CombinedReferenceData(_replay.Reference, _synthetic.Reference);
    }

    public string Name => "demo";
    public SimulatedClock Clock { get; }
    public IReferenceData Reference { get; }
    public SyntheticUniverse Universe => _synthetic.Universe;

    /// <summary>Runs both until cancelled; the synthetic part goes on after the replay runs out.</summary>
    public Task RunAsync(FeedBroadcaster broadcaster, CancellationToken cancellationToken) =>
        Task.WhenAll(_replay.RunAsync(broadcaster, cancellationToken), _synthetic.RunAsync(broadcaster, cancellationToken));
}
