using Scanner.Ticker.Chart;

namespace Scanner.Ticker;

/// <summary>
/// The persisted part of a <see cref="TickerDay"/>: plain mutable fields (written behind by the ticker grain), so
/// a reactivated grain resumes the day exactly where it was, including what it needs to recognise duplicates.
/// Prices are 0 when unknown; <see cref="Day"/> is yyyymmdd (0 before the first event).
/// </summary>
[GenerateSerializer, Alias("scanner.ticker.daystate")]
public sealed class TickerDayState
{
    public const int SequenceMemory = 64;
    public const int MinuteMemory = 64;

    [Id(0)] public string Symbol { get; set; } = "";
    [Id(1)] public int Day { get; set; }
    [Id(2)] public long LastUpdate { get; set; }

    // Last price: the newest of the last trade and the latest bar's close.
    [Id(3)] public double LastPrice { get; set; }
    [Id(4)] public long LastPriceTime { get; set; }

    [Id(5)] public double LastTradePrice { get; set; }
    [Id(6)] public long LastTradeSize { get; set; }
    [Id(7)] public long LastTradeTime { get; set; }
    [Id(8)] public long TradeCount { get; set; }
    [Id(9)] public long[] RecentSequences { get; set; } = new long[SequenceMemory];
    [Id(10)] public long RecentSequenceCount { get; set; }

    [Id(11)] public double BidPrice { get; set; }
    [Id(12)] public long BidSize { get; set; }
    [Id(13)] public double AskPrice { get; set; }
    [Id(14)] public long AskSize { get; set; }
    [Id(15)] public long QuoteTime { get; set; }

    // Day bar figures. Open is the open of the earliest bar window of the day.
    [Id(16)] public double Open { get; set; }
    [Id(17)] public long OpenWindow { get; set; }
    [Id(18)] public double High { get; set; }
    [Id(19)] public double Low { get; set; }
    [Id(20)] public double RegularOpen { get; set; }
    [Id(21)] public long RegularOpenWindow { get; set; }
    [Id(22)] public double OfficialOpen { get; set; }
    [Id(23)] public long AccumulatedVolume { get; set; }

    // The latest bar (greatest window end): its volume, VWAP, average size and window; today's VWAP from it.
    [Id(24)] public long BarVolume { get; set; }
    [Id(25)] public double BarVwap { get; set; }
    [Id(26)] public double AverageSize { get; set; }
    [Id(27)] public double DayVwap { get; set; }
    [Id(28)] public long BarStart { get; set; }
    [Id(29)] public long BarEnd { get; set; }

    [Id(30)] public SessionRange PreMarket { get; set; }
    [Id(31)] public SessionRange Regular { get; set; }
    [Id(32)] public SessionRange AfterHours { get; set; }

    [Id(33)] public double UpperBand { get; set; }
    [Id(34)] public double LowerBand { get; set; }
    [Id(35)] public bool IsHalted { get; set; }
    [Id(36)] public long HaltedAt { get; set; }
    [Id(37)] public long ResumedAt { get; set; }
    [Id(38)] public long LuldSequence { get; set; }
    [Id(39)] public long LuldTime { get; set; }

    [Id(40)] public double FairMarketValue { get; set; }

    [Id(41)] public ReferenceData? Reference { get; set; }

    // Per-minute samples of accumulated volume and close (a ring indexed by minute number), for momentum.
    [Id(42)] public long[] MinuteNumbers { get; set; } = new long[MinuteMemory];
    [Id(43)] public long[] MinuteVolumes { get; set; } = new long[MinuteMemory];
    [Id(44)] public double[] MinuteCloses { get; set; } = new double[MinuteMemory];
    [Id(45)] public long LastMomentumAlert { get; set; }

    // Time of the newest event that changed the row, a bar's window end (LastUpdate also moves with quotes and bands).
    [Id(46)] public long LastRowEvent { get; set; }

    // The last new high and new low alerts, for their throttling (RangeAlertOptions).
    [Id(47)] public RangeAlertMark HighAlert { get; set; }
    [Id(48)] public RangeAlertMark LowAlert { get; set; }

    // The day's one-minute candles from its trades (chart:{SYM}), sparse and ascending, and its LULD halts.
    [Id(49)] public List<MinuteCandle> Candles { get; set; } = [];
    [Id(50)] public List<HaltPeriod> Halts { get; set; } = [];

    // The owning grain's MarketDayClock offset (market time minus wall time, ms): the day ends on the same clock after a reactivation.
    [Id(51)] public long ClockOffset { get; set; }
}
