using Scanner.MarketData;
using Scanner.Simulator.Reference;
using Scanner.Simulator.Synthetic;
using Scanner.Simulator.Time;
using Scanner.Calendar;

namespace Scanner.Tests.Unit.Simulator.Synthetic;

public class SyntheticMarketTests
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private static readonly long Open = TradingCalendar.At(Day, TradingCalendar.RegularOpen);

    private static List<MarketEvent> Run(SyntheticUniverse universe, int seed, int seconds, int perSecond)
    {
        var market = new SyntheticMarket(universe, seed, Open);
        var events = new List<MarketEvent>();
        var batch = new MarketEvent[perSecond];
        for (var s = 0; s < seconds; s++)
        {
            market.Generate(batch, Open + s * 1_000);
            events.AddRange(batch);
        }
        return events;
    }

    [Fact]
    public void Symbols_are_distinct_codes_of_one_to_five_capital_letters_and_repeat_for_a_seed()
    {
        var names = SymbolNames.Generate(5_000, 7);

        Assert.Equal(5_000, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[A-Z]{1,5}$", n));
        Assert.All(names, n => Assert.StartsWith("Z", n));
        Assert.Equal(names, SymbolNames.Generate(5_000, 7));
    }

    [Fact]
    public void Reference_data_ends_the_trading_day_before_and_is_the_same_for_a_seed()
    {
        var universe = new SyntheticUniverse(200, 1, Day);
        var again = new SyntheticUniverse(200, 1, Day);
        var symbol = universe.Tickers[17].Symbol;

        var previous = universe.PreviousDay(symbol);
        Assert.NotNull(previous);
        Assert.Equal(new DateOnly(2025, 2, 28), previous.Date);   // Monday's previous day is Friday
        Assert.Equal(previous, again.PreviousDay(symbol));
        Assert.Equal(SyntheticUniverse.HistoryDays, universe.DailyBars(symbol)!.Count);
        Assert.All(universe.DailyBars(symbol)!, b => Assert.True(b.Low <= Math.Min(b.Open, b.Close) && b.High >= Math.Max(b.Open, b.Close) && b.Volume > 0));
        Assert.True(universe.FreeFloat(symbol) > 0);
        Assert.Null(universe.DailyBars("NOT-A-TICKER"));
    }

    [Fact]
    public void A_ticker_first_picked_at_09_20_starts_with_the_volume_of_its_morning()
    {
        var universe = new SyntheticUniverse(500, 3, Day);
        var market = new SyntheticMarket(universe, 3, Open);
        var batch = new MarketEvent[20_000];
        market.Generate(batch, TradingCalendar.At(Day, new TimeOnly(9, 20)));

        var relativeVolume = batch.OfType<Aggregate>().GroupBy(a => a.Symbol).ToDictionary(
            g => g.Key, g => g.First().AccumulatedVolume / universe.Tickers.Single(t => t.Symbol == g.Key).AverageVolume);
        var byProfile = universe.Tickers.Where(t => relativeVolume.ContainsKey(t.Symbol)).ToLookup(t => t.Profile, t => relativeVolume[t.Symbol]);
        Assert.NotEmpty(byProfile[TickerProfile.Gapper]);
        Assert.All(byProfile[TickerProfile.Gapper], r => Assert.True(r >= 5, $"a gapper at {r:F2}x its average volume by 09:20"));
        Assert.All(byProfile[TickerProfile.Normal], r => Assert.True(r < 1, $"a quiet name at {r:F2}x its average volume by 09:20"));
    }

    [Fact]
    public void Produces_the_intended_mix_of_trades_quotes_aggregates_and_bands()
    {
        var universe = new SyntheticUniverse(500, 3, Day);
        var events = Run(universe, 3, seconds: 20, perSecond: 5_000);

        double Share<T>() => events.Count(e => e is T) / (double)events.Count;
        Assert.InRange(Share<Trade>(), 0.25, 0.36);
        Assert.InRange(Share<Quote>(), 0.52, 0.68);
        Assert.InRange(Share<Aggregate>(), 0.05, 0.12);
        Assert.InRange(Share<LuldBand>(), 0.002, 0.02);
    }

    [Fact]
    public void Aggregates_carry_a_rising_day_volume_the_official_open_and_sane_prices()
    {
        var universe = new SyntheticUniverse(300, 5, Day);
        var events = Run(universe, 5, seconds: 30, perSecond: 3_000);

        foreach (var bySymbol in events.OfType<Aggregate>().GroupBy(a => a.Symbol))
        {
            var bars = bySymbol.ToList();
            Assert.All(bars.Zip(bars.Skip(1)), pair => Assert.True(pair.Second.AccumulatedVolume >= pair.First.AccumulatedVolume));
            Assert.All(bars, b =>
            {
                Assert.NotNull(b.OfficialOpen);
                Assert.True(b.Low <= b.Vwap && b.Vwap <= b.High && b.Low > 0);
                Assert.Equal(b.End, b.Start + 1_000);
            });
        }
        Assert.All(events.OfType<Quote>(), q => Assert.True(q.AskPrice > q.BidPrice));
    }

    [Fact]
    public void Gappers_open_away_from_the_previous_close_and_runners_gain()
    {
        var universe = new SyntheticUniverse(1_000, 11, Day);
        var market = new SyntheticMarket(universe, 11, Open);
        var batch = new MarketEvent[5_000];
        // Two simulated hours, a burst every minute.
        for (var s = 0; s <= 7_200; s += 60)
        {
            market.Generate(batch, Open + s * 1_000);
        }

        var gappers = universe.Tickers.Where(t => t.Profile == TickerProfile.Gapper && t.Started).ToList();
        var runners = universe.Tickers.Where(t => t.Profile == TickerProfile.Runner && t.OfficialOpen is not null).ToList();
        Assert.NotEmpty(gappers);
        Assert.NotEmpty(runners);
        Assert.All(gappers, t => Assert.True(Math.Abs(t.OpenGap) >= 0.08));
        Assert.True(runners.Count(t => t.Price > t.OfficialOpen * 1.15) >= runners.Count / 2);
        Assert.Contains(universe.Tickers, t => t.HaltedUntilMs > 0);
    }

    [Fact]
    public void The_universe_is_shaped_like_the_us_tape_mostly_small_caps_with_a_few_active_names()
    {
        var universe = new SyntheticUniverse(2_000, 42, Day, eventsPerSecond: 1_000);
        var closes = universe.Tickers.Select(t => t.PreviousDay.Close).ToList();

        Assert.InRange(closes.Count(c => c < 20), 1_000, 1_600);
        Assert.InRange(closes.Count(c => c > 150), 20, 300);
        int Count(TickerProfile p) => universe.Tickers.Count(t => t.Profile == p);
        Assert.InRange(Count(TickerProfile.Normal), 1_600, 1_900);
        Assert.All(Enum.GetValues<TickerProfile>(), p => Assert.True(Count(p) >= 20, $"{p}: {Count(p)}"));
        Assert.All(universe.Tickers.Where(t => t.Profile == TickerProfile.Runner), t => Assert.True(t.FreeFloat < 10_000_000));
        Assert.True(universe.Tickers.Where(t => t.Profile == TickerProfile.Normal).Max(t => t.FreeFloat) > 1_000_000_000);
    }

    [Fact]
    public void Halts_come_in_pairs_five_minutes_apart_with_no_trades_between()
    {
        var universe = new SyntheticUniverse(300, 9, Day, eventsPerSecond: 1_000);
        var events = Run(universe, 9, seconds: 30 * 60, perSecond: 1_000);

        var halting = events.OfType<LuldBand>().Where(b => b.Indicators.Count > 0).GroupBy(b => b.Symbol).ToList();
        Assert.True(halting.Count >= 3, $"{halting.Count} symbols halted");
        Assert.Contains(events.OfType<LuldBand>(), b => b.Indicators.Count == 0);
        foreach (var symbol in halting)
        {
            var bands = symbol.ToList();
            for (var i = 0; i < bands.Count; i++)
            {
                Assert.Equal(i % 2 == 0 ? SyntheticMarket.HaltIndicator : SyntheticMarket.ResumeIndicator, Assert.Single(bands[i].Indicators.ToArray()));
            }
            foreach (var pair in bands.Chunk(2).Where(p => p.Length == 2))
            {
                Assert.True(pair[1].Timestamp - pair[0].Timestamp >= SyntheticMarket.HaltMs);
                Assert.DoesNotContain(events, e => e is Trade && e.Symbol == symbol.Key && e.Timestamp >= pair[0].Timestamp && e.Timestamp < pair[1].Timestamp);
            }
        }
        Assert.Contains(halting, symbol => symbol.Count() >= 2);
    }

    [Fact]
    public void Gappers_trade_several_times_their_usual_volume_and_momentum_names_burst()
    {
        var universe = new SyntheticUniverse(300, 13, Day, eventsPerSecond: 1_000);
        Run(universe, 13, seconds: 30 * 60, perSecond: 1_000);

        // 30 minutes are 1/13 of a session: quiet names trade about that share of their average volume.
        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        double RelativeVolume(SyntheticTicker t) => t.DayVolume / t.AverageVolume * 13;
        var gappers = universe.Tickers.Where(t => t.Profile == TickerProfile.Gapper).ToList();
        var quiet = universe.Tickers.Where(t => t.Profile == TickerProfile.Normal).ToList();
        Assert.NotEmpty(gappers);
        Assert.InRange(Median(quiet.Select(RelativeVolume)), 0.2, 3);
        Assert.True(Median(gappers.Select(RelativeVolume)) >= 5, $"gappers' median relative volume {Median(gappers.Select(RelativeVolume))}");
        Assert.Contains(universe.Tickers, t => t.Profile == TickerProfile.Momentum && t.BurstUntilMs > 0);
    }
}
