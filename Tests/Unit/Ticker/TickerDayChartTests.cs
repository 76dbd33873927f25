using Scanner.MarketData;
using Scanner.Scanners;
using Scanner.Ticker;
using Scanner.Ticker.Chart;
using static Scanner.Tests.Unit.Ticker.MarketEvents;

namespace Scanner.Tests.Unit.Ticker;

/// <summary>What a <see cref="TickerDay"/> keeps for <c>chart:{SYM}</c>: candles from its trades, its halts.</summary>
public class TickerDayChartTests
{
    private const string Sym = "AIG";
    private readonly List<ScannerAlert> _alerts = [];
    private readonly TickerDay _day = new(Sym, new MomentumOptions());

    private TickerChanges Apply(MarketEvent e) => _day.Apply(e, _alerts);

    [Fact]
    public void New_trades_build_candles_and_a_redelivered_one_counts_once()
    {
        Assert.True(Apply(Trade(Sym, At(Monday, 9, 30, 5), 10.0, 100, sequence: 1)).HasFlag(TickerChanges.Chart));
        Assert.Equal(TickerChanges.None, Apply(Trade(Sym, At(Monday, 9, 30, 5), 10.0, 100, sequence: 1)));
        Assert.Equal(100, Assert.Single(_day.State.Candles).Volume);
    }

    [Fact]
    public void Bars_and_quotes_do_not_touch_the_candles()
    {
        Assert.False(Apply(Bar(Sym, At(Monday, 9, 30), close: 10, accumulatedVolume: 1000)).HasFlag(TickerChanges.Chart));
        Assert.False(Apply(Quote(Sym, At(Monday, 9, 30), 9.99, 10.01)).HasFlag(TickerChanges.Chart));
        Assert.Empty(_day.State.Candles);
    }

    [Fact]
    public void Halts_are_kept_as_periods_open_until_the_resumption()
    {
        Assert.True(Apply(Luld(Sym, At(Monday, 10, 0), 1, 11, 9, 17)).HasFlag(TickerChanges.Chart));
        Assert.Equal([new HaltPeriod(At(Monday, 10, 0), 0)], _day.State.Halts);
        Assert.False(Apply(Luld(Sym, At(Monday, 10, 1), 2, 11, 9)).HasFlag(TickerChanges.Chart)); // a band move only
        Apply(Luld(Sym, At(Monday, 10, 5), 3, 11, 9, 18));
        Assert.Equal([new HaltPeriod(At(Monday, 10, 0), At(Monday, 10, 5))], _day.State.Halts);
    }

    [Fact]
    public void A_new_trading_day_starts_an_empty_chart()
    {
        Apply(Trade(Sym, At(Monday, 9, 30), 10.0, sequence: 1));
        Apply(Luld(Sym, At(Monday, 10, 0), 1, 11, 9, 17));
        var tuesday = Monday.AddDays(1);
        Apply(Trade(Sym, At(tuesday, 4, 0, 1), 11.0, sequence: 1));
        var candle = Assert.Single(_day.State.Candles);
        Assert.Equal(0, candle.Minute);
        Assert.Empty(_day.State.Halts);
    }
}
