namespace Scanner.MarketData;

/// <summary>
/// A second (<c>A</c>) or minute (<c>AM</c>) aggregate bar: sym v av op vw o h l c a z s e [otc] [dv dav].
/// Bars are upserts keyed by symbol and window (<see cref="Start"/>): they may arrive late or repeated.
/// <see cref="OfficialOpen"/> is today's official open, absent (null) before 09:30 ET;
/// <see cref="AccumulatedVolume"/> is today's volume so far; <see cref="DayVwap"/> is today's VWAP.
/// <see cref="PreciseVolume"/> and <see cref="PreciseAccumulatedVolume"/> carry the newer string decimals
/// (<c>dv</c>, <c>dav</c>) when the feed sends them.
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.md.aggregate")]
public sealed record Aggregate(
    string Symbol,
    long Timestamp,
    long RawTimestamp,
    bool IsMinute,
    long Volume,
    long AccumulatedVolume,
    double? OfficialOpen,
    double Vwap,
    double Open,
    double High,
    double Low,
    double Close,
    double DayVwap,
    double AverageTradeSize,
    long Start,
    long End,
    bool IsOtc,
    double? PreciseVolume,
    double? PreciseAccumulatedVolume) : MarketEvent(Symbol, Timestamp, RawTimestamp)
{
    public override MarketEventKind Kind => IsMinute ? MarketEventKind.MinuteAggregate : MarketEventKind.SecondAggregate;
}
