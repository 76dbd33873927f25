namespace Scanner.Scanners;

/// <summary>
/// One symbol's scanner row (docs/contracts/scanners.md), compact and numeric; <see cref="ScannerRowJson"/> writes it
/// with the original snake_case names, and the rank is given by its position when a ranking is published.
/// Price fields follow the Massive aggregate naming of the original: <see cref="Vwap"/> is the latest bar's VWAP
/// (<c>vw</c>), <see cref="AggregateVwap"/> today's VWAP (<c>a</c>); <see cref="Open"/>, <see cref="High"/> and
/// <see cref="Low"/> are the day's (since 04:00 ET), <see cref="Close"/> the last price.
/// <see cref="TradingDay"/> (yyyymmdd) lets rankings drop rows of an older day. Values that cannot be known yet
/// (no previous close, no official open, no average volume) are 0, and so are the figures derived from them.
/// <see cref="LastEventTimestamp"/> is an addition to the original's row (<c>last_event_timestamp</c>): the time (Unix
/// ms) of the newest feed event that changed the row, for a bar the end of its window, so a client (and the pipeline
/// benchmark) can tell how fresh a row is; the bar window (<see cref="StartTimestamp"/>, <see cref="EndTimestamp"/>)
/// does not move with trades. <see cref="RelativeVolumeTimeOfDay"/> (<c>relative_volume_tod</c>, ours) compares today's
/// volume so far with the usual volume by this time of day (whole-day <see cref="RelativeVolume"/> reads low all
/// morning). The NBBO (<see cref="BidPrice"/> ... <see cref="AskSize"/>, ours, 0 before the first quote) is written
/// into <c>quote:{SYM}</c> only, not into every ranking row.
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.scanners.row")]
public sealed record ScannerRow(
    string Symbol,
    int TradingDay,
    long Volume,
    double FreeFloat,
    long AccumulatedVolume,
    double RelativeVolume,
    double OfficialOpenPrice,
    double Vwap,
    double Open,
    double Close,
    double High,
    double Low,
    double AggregateVwap,
    double AverageSize,
    double AvgVolume,
    double PrevDayClose,
    double PrevDayOpen,
    double PrevDayHigh,
    double PrevDayLow,
    double PrevDayVolume,
    double PrevDayVwap,
    double Change,
    double PctChange,
    double ChangeSinceOpen,
    double PctChangeSinceOpen,
    long StartTimestamp,
    long EndTimestamp,
    long LastEventTimestamp,
    double RelativeVolumeTimeOfDay,
    double BidPrice,
    long BidSize,
    double AskPrice,
    long AskSize);
