using Scanner.Simulator.Reference;

namespace Scanner.Simulator.Synthetic;

/// <summary>
/// One synthetic ticker: its fixed reference data (history, float, profile) and its intraday state, which only the
/// generator's thread touches.
/// </summary>
public sealed class SyntheticTicker(string symbol, ReferenceBar[] history, long freeFloat, TickerProfile profile, double openGap, double driftPerSecond, double volatilityPerSqrtSecond, int tape)
{
    public string Symbol { get; } = symbol;
    public ReferenceBar[] History { get; } = history;
    public long FreeFloat { get; } = freeFloat;
    public TickerProfile Profile { get; } = profile;
    public double OpenGap { get; } = openGap;
    public double DriftPerSecond { get; } = driftPerSecond;
    public double VolatilityPerSqrtSecond { get; } = volatilityPerSqrtSecond;
    public int Tape { get; } = tape;
    public ReferenceBar PreviousDay => History[^1];
    public double AverageVolume => History.Average(b => b.Volume);

    /// <summary>The mean size of a round-lot trade, set by the universe so that quiet activity trades the average volume.</summary>
    public double LotSize { get; set; } = 100;

    // Intraday state.
    public bool Started;
    public double Price;
    public long LastUpdateMs;
    public long Sequence;
    public long DayVolume;
    public double DayPriceVolume;
    public double? OfficialOpen;
    public double BandUpper;
    public double BandLower;
    public bool Halted;
    public long HaltedUntilMs;
    public long SpikeUntilMs;
    public long BurstUntilMs;
    public long NextBurstMs;

    // The second bar being built (an A event is an upsert of it).
    public long BarStart = -1;
    public double BarOpen;
    public double BarHigh;
    public double BarLow;
    public double BarClose;
    public long BarVolume;
    public double BarPriceVolume;
    public int BarTrades;
    public bool BarChanged;
}
