using Scanner.MarketData;

namespace Scanner.Simulator.Replay;

/// <summary>An event and the market time at which it is sent (a bar is sent when its window closes).</summary>
public readonly record struct TimedEvent(long EmitUnixMs, MarketEvent Event);
