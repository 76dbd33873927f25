namespace Scanner.Ticker;

/// <summary>
/// A symbol's reference figures for one trading day (<see cref="TradingDay"/>, yyyymmdd), loaded once a day by
/// hydration: the previous day's bar, the average daily volume and the free float (0 when unknown).
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.ticker.reference")]
public sealed record ReferenceData(
    int TradingDay,
    double PrevOpen,
    double PrevHigh,
    double PrevLow,
    double PrevClose,
    double PrevVolume,
    double PrevVwap,
    double AvgVolume,
    double FreeFloat);
