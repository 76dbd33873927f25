namespace Scanner.Ticker.Chart;

/// <summary>A LULD halt of the day (Unix ms); <see cref="End"/> is 0 while the symbol is still halted.</summary>
[GenerateSerializer, Immutable, Alias("scanner.ticker.halt")]
public readonly record struct HaltPeriod([property: Id(0)] long Start, [property: Id(1)] long End);
