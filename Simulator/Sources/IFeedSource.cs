using Scanner.Simulator.Distribution;
using Scanner.Simulator.Reference;
using Scanner.Simulator.Time;
using Scanner.Calendar;

namespace Scanner.Simulator.Sources;

/// <summary>Where the events come from (replay or synthetic), with the clock and reference data that go with them.</summary>
public interface IFeedSource
{
    string Name { get; }

    /// <summary>The market time of the source; the REST market status reads it.</summary>
    SimulatedClock Clock { get; }

    IReferenceData Reference { get; }

    /// <summary>Produces events into the broadcaster until cancelled or the source runs out.</summary>
    Task RunAsync(FeedBroadcaster broadcaster, CancellationToken cancellationToken);
}
