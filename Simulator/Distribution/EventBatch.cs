using Scanner.MarketData;

namespace Scanner.Simulator.Distribution;

/// <summary>Events that became due together, shared read-only by every connection's queue.</summary>
public sealed class EventBatch(MarketEvent[] events, int count)
{
    public MarketEvent[] Events { get; } = events;
    public int Count { get; } = count;
}
