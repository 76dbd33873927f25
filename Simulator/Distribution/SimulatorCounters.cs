using System.Diagnostics.Metrics;

namespace Scanner.Simulator.Distribution;

/// <summary>Server-wide counters, also published as metrics under the meter <c>Scanner.Simulator</c>.</summary>
public sealed class SimulatorCounters : IDisposable
{
    public const string MeterName = "Scanner.Simulator";

    private readonly Meter _meter = new(MeterName);
    private long _published;
    private long _sent;
    private long _frames;
    private long _dropped;
    private long _accepted;
    private long _rejected;

    public SimulatorCounters()
    {
        _meter.CreateObservableCounter("simulator.events.published", () => EventsPublished, description: "Events the source produced.");
        _meter.CreateObservableCounter("simulator.events.sent", () => EventsSent, description: "Events sent to clients.");
        _meter.CreateObservableCounter("simulator.frames.sent", () => FramesSent, description: "Frames sent to clients.");
        _meter.CreateObservableCounter("simulator.events.dropped", () => EventsDropped, description: "Events dropped for slow clients.");
        _meter.CreateObservableCounter("simulator.connections.accepted", () => ConnectionsAccepted);
        _meter.CreateObservableCounter("simulator.connections.rejected", () => ConnectionsRejected, description: "Connections closed for auth failure, timeout or max_connections.");
    }

    public long EventsPublished => Volatile.Read(ref _published);
    public long EventsSent => Volatile.Read(ref _sent);
    public long FramesSent => Volatile.Read(ref _frames);
    public long EventsDropped => Volatile.Read(ref _dropped);
    public long ConnectionsAccepted => Volatile.Read(ref _accepted);
    public long ConnectionsRejected => Volatile.Read(ref _rejected);

    public void Published(int events) => Interlocked.Add(ref _published, events);

    public void Sent(int events)
    {
        Interlocked.Add(ref _sent, events);
        Interlocked.Increment(ref _frames);
    }

    public void Dropped(int events) => Interlocked.Add(ref _dropped, events);
    public void Accepted() => Interlocked.Increment(ref _accepted);
    public void Rejected() => Interlocked.Increment(ref _rejected);

    public void Dispose() => _meter.Dispose();
}
