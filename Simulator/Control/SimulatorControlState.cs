namespace Scanner.Simulator.Control;

/// <summary>What <c>/control</c> answers: the source, whether its clock is paused, its speed and the market time.</summary>
public sealed record SimulatorControlState(string Source, bool Paused, double Speed, DateTimeOffset MarketTime);
