using Scanner.Calendar;
using Scanner.MarketData;

namespace Scanner.Simulator.Synthetic;

/// <summary>
/// Generates the events of the synthetic tickers: about 30% trades, 60% quotes, 9.5% second aggregates and 0.5% LULD
/// bands, on tickers picked by activity weight. Prices follow each ticker's random walk with drift from its open
/// (previous close plus gap); volume spikes multiply trade sizes for a minute; momentum tickers rise steeply on heavy
/// volume in bursts. A price that reaches its LULD band stops there and the ticker is halted (a band with indicator
/// 17): no trades for five minutes, then a re-centred band with indicator 18 resumes it. Plain band updates (no
/// indicator) come in between.
/// Single-threaded and deterministic for a seed and a sequence of times.
/// </summary>
public sealed class SyntheticMarket(SyntheticUniverse universe, int seed, long regularOpenUnixMs)
{
    /// <summary>LULD indicators as our ticker grains read them: 17 halts a symbol, 18 resumes it.</summary>
    public const int HaltIndicator = 17;
    public const int ResumeIndicator = 18;
    public const long HaltMs = 5 * 60_000;
    private const long BurstMs = 2 * 60_000;
    private static readonly double BurstDriftPerSecond = Math.Log(1.08) / (BurstMs / 1000.0);
    private static readonly int[] Venues = [1, 4, 7, 8, 10, 11, 12, 15, 17, 19];

    private readonly Random _random = new(seed);

    /// <summary>Fills <paramref name="events"/> with new events stamped <paramref name="nowUnixMs"/>.</summary>
    public void Generate(Span<MarketEvent> events, long nowUnixMs)
    {
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = Next(nowUnixMs);
        }
    }

    public MarketEvent Next(long nowUnixMs)
    {
        var ticker = Pick();
        if (!ticker.Started)
        {
            StartSession(ticker, nowUnixMs);
        }
        if (ticker.Halted && nowUnixMs >= ticker.HaltedUntilMs)
        {
            ticker.Halted = false;
            return Band(ticker, nowUnixMs, ConditionCodes.Of(ResumeIndicator), follow: 1);
        }
        var roll = _random.NextDouble();
        var halted = ticker.Halted;
        if (roll < 0.005)
        {
            // The reference price of a real band is a five-minute average: it follows the price only part of the way.
            return Band(ticker, nowUnixMs, ConditionCodes.Empty, follow: halted ? 0 : 0.2);
        }
        if (roll < 0.10 && ticker.BarChanged)
        {
            return SecondAggregate(ticker);
        }
        if (roll < 0.40 && !halted)
        {
            return Trade(ticker, nowUnixMs);
        }
        return Quote(ticker, nowUnixMs);
    }

    private SyntheticTicker Pick()
    {
        var weights = universe.Weights;
        var index = Array.BinarySearch(weights, _random.NextDouble() * weights[^1]);
        return universe.Tickers[index < 0 ? Math.Min(~index, weights.Length - 1) : index];
    }

    private void StartSession(SyntheticTicker t, long nowUnixMs)
    {
        t.Started = true;
        t.Price = RoundPrice(t.PreviousDay.Close * (1 + t.OpenGap));
        t.DayVolume = VolumeBefore(t, nowUnixMs);
        t.DayPriceVolume = t.Price * t.DayVolume;
        t.LastUpdateMs = nowUnixMs;
        t.NextBurstMs = nowUnixMs + _random.NextInt64(3 * 60_000);
        SetBand(t, t.Price);
    }

    /// <summary>
    /// A ticker first picked after 04:00 has traded that morning already (a demo starting at 09:20 would otherwise
    /// show every relative volume near zero for its first half hour): the volume of its pace since 04:00. Before the
    /// open the quiet names trade a tenth of their pace, gappers and runners (news) their full boosted pace.
    /// </summary>
    private static long VolumeBefore(SyntheticTicker t, long nowUnixMs)
    {
        var bounds = TradingCalendar.BoundsOf(TradingCalendar.TradingDayOf(nowUnixMs));
        var preMarketSeconds = Math.Max(0, Math.Min(nowUnixMs, bounds.RegularOpen) - bounds.Start) / 1000.0;
        var regularSeconds = Math.Max(0, Math.Min(nowUnixMs, bounds.RegularClose) - bounds.RegularOpen) / 1000.0;
        var pace = t.Profile == TickerProfile.Normal ? 1 : SyntheticUniverse.ActiveBoost;
        var preMarketPace = t.Profile is TickerProfile.Gapper or TickerProfile.Runner ? pace : pace * 0.1;
        return (long)(t.AverageVolume / SyntheticUniverse.SessionSeconds * (preMarketSeconds * preMarketPace + regularSeconds * pace));
    }

    private void Move(SyntheticTicker t, long nowUnixMs)
    {
        var seconds = Math.Max(0.001, (nowUnixMs - t.LastUpdateMs) / 1000.0);
        t.LastUpdateMs = nowUnixMs;
        var drift = t.DriftPerSecond;
        if (t.Profile == TickerProfile.Momentum)
        {
            if (nowUnixMs >= t.NextBurstMs)
            {
                t.BurstUntilMs = t.SpikeUntilMs = nowUnixMs + BurstMs;
                t.NextBurstMs = nowUnixMs + 8 * 60_000 + _random.NextInt64(7 * 60_000);
            }
            if (nowUnixMs < t.BurstUntilMs)
            {
                drift = BurstDriftPerSecond;
            }
        }
        var step = drift * seconds + t.VolatilityPerSqrtSecond * Math.Sqrt(seconds) * SyntheticUniverse.Normal(_random);
        t.Price = RoundPrice(t.Price * Math.Exp(step));
    }

    private MarketEvent Trade(SyntheticTicker t, long nowUnixMs)
    {
        Move(t, nowUnixMs);
        if (t.Price >= t.BandUpper || t.Price <= t.BandLower)
        {
            // The price stops at the band and trading pauses; the next pick after the pause resumes it.
            t.Price = t.Price >= t.BandUpper ? t.BandUpper : t.BandLower;
            t.Halted = true;
            t.HaltedUntilMs = nowUnixMs + HaltMs;
            return Band(t, nowUnixMs, ConditionCodes.Of(HaltIndicator), follow: 0);
        }
        if (_random.NextDouble() < 0.0005)
        {
            t.SpikeUntilMs = nowUnixMs + 60_000;
        }
        var size = TradeSize(t, nowUnixMs);
        t.DayVolume += size;
        t.DayPriceVolume += t.Price * size;
        if (t.OfficialOpen is null && nowUnixMs >= regularOpenUnixMs)
        {
            t.OfficialOpen = t.Price;
        }
        AddToBar(t, nowUnixMs, size);
        t.Sequence++;
        return new Trade(t.Symbol, nowUnixMs, nowUnixMs, Venues[_random.Next(Venues.Length)], new TradeId((ulong)t.Sequence, null),
            t.Tape, t.Price, size, ConditionCodes.Empty, t.Sequence, 0, 0);
    }

    private long TradeSize(SyntheticTicker t, long nowUnixMs)
    {
        if (_random.NextDouble() < 0.2)
        {
            return 1 + _random.Next(99);   // odd lot
        }
        // Round lots around the ticker's lot size (exponentially spread), ten times as much in a spike or burst.
        var lots = Math.Max(1, (long)Math.Round(t.LotSize * -Math.Log(1 - _random.NextDouble()) / 100));
        return 100 * (nowUnixMs < t.SpikeUntilMs ? lots * 10 : lots);
    }

    private static void AddToBar(SyntheticTicker t, long nowUnixMs, long size)
    {
        var start = nowUnixMs - (nowUnixMs % 1000);
        if (start != t.BarStart)
        {
            t.BarStart = start;
            t.BarOpen = t.BarHigh = t.BarLow = t.Price;
            t.BarVolume = 0;
            t.BarPriceVolume = 0;
            t.BarTrades = 0;
        }
        t.BarHigh = Math.Max(t.BarHigh, t.Price);
        t.BarLow = Math.Min(t.BarLow, t.Price);
        t.BarClose = t.Price;
        t.BarVolume += size;
        t.BarPriceVolume += t.Price * size;
        t.BarTrades++;
        t.BarChanged = true;
    }

    private static Aggregate SecondAggregate(SyntheticTicker t)
    {
        t.BarChanged = false;
        var end = t.BarStart + 1000;
        return new Aggregate(t.Symbol, end, end, IsMinute: false, t.BarVolume, t.DayVolume, t.OfficialOpen,
            Math.Round(t.BarPriceVolume / t.BarVolume, 4), t.BarOpen, t.BarHigh, t.BarLow, t.BarClose,
            Math.Round(t.DayPriceVolume / t.DayVolume, 4), Math.Round((double)t.BarVolume / t.BarTrades),
            t.BarStart, end, IsOtc: false, PreciseVolume: null, PreciseAccumulatedVolume: null);
    }

    private Quote Quote(SyntheticTicker t, long nowUnixMs)
    {
        Move(t, nowUnixMs);
        var tick = t.Price < 1 ? 0.0001 : 0.01;
        var spread = Math.Max(tick, Math.Round(t.Price * 0.0005 / tick) * tick);
        var bid = RoundPrice(t.Price - spread / 2);
        var ask = RoundPrice(bid + spread);
        t.Sequence++;
        return new Quote(t.Symbol, nowUnixMs, nowUnixMs, Venues[_random.Next(Venues.Length)], bid, 100L * (1 + _random.Next(20)),
            Venues[_random.Next(Venues.Length)], ask, 100L * (1 + _random.Next(20)), 0, ConditionCodes.Empty, t.Sequence, t.Tape);
    }

    /// <summary>A band event; <paramref name="follow"/> is how far (0 to 1) its reference price moves from the band's middle to the price.</summary>
    private static LuldBand Band(SyntheticTicker t, long nowUnixMs, ConditionCodes indicators, double follow)
    {
        if (follow > 0)
        {
            var middle = (t.BandUpper + t.BandLower) / 2;
            SetBand(t, middle + follow * (t.Price - middle));
        }
        t.Sequence++;
        // LULD carries nanoseconds on the live feed; so does the simulator, to keep parsers honest.
        return new LuldBand(t.Symbol, nowUnixMs, nowUnixMs * 1_000_000, t.BandUpper, t.BandLower, indicators, t.Tape, t.Sequence);
    }

    private static void SetBand(SyntheticTicker t, double reference)
    {
        var percent = reference >= 3 ? 0.05 : 0.10;
        t.BandUpper = RoundPrice(reference * (1 + percent));
        t.BandLower = RoundPrice(reference * (1 - percent));
    }

    private static double RoundPrice(double price) => Math.Max(0.0001, Math.Round(price, price < 1 ? 4 : 2));
}
