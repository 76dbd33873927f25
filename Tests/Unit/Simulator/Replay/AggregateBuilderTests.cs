using Scanner.MarketData;
using Scanner.Simulator.Replay;
using Scanner.Simulator.Time;
using Scanner.Calendar;

namespace Scanner.Tests.Unit.Simulator.Replay;

public class AggregateBuilderTests
{
    private static readonly DateOnly Day = new(2013, 10, 7);
    private static readonly long Open = TradingCalendar.At(Day, TradingCalendar.RegularOpen);

    private static List<Aggregate> Build(params (long Offset, double Price, long Size)[] trades)
    {
        var builder = new AggregateBuilder("IBM", Open);
        var bars = new List<Aggregate>();
        foreach (var (offset, price, size) in trades)
        {
            builder.Add(Open + offset, price, size, bars);
        }
        builder.Flush(bars);
        return bars;
    }

    [Fact]
    public void Builds_second_and_minute_bars_with_day_figures_around_the_open()
    {
        var bars = Build((-500, 10, 100), (100, 11, 200), (900, 12, 100), (1_200, 11.5, 300));

        Assert.Equal(5, bars.Count);
        var preOpenSecond = bars[0];
        Assert.False(preOpenSecond.IsMinute);
        Assert.Equal((Open - 1000, Open), (preOpenSecond.Start, preOpenSecond.End));
        Assert.Equal(100, preOpenSecond.Volume);
        Assert.Equal(100, preOpenSecond.AccumulatedVolume);
        Assert.Null(preOpenSecond.OfficialOpen);
        Assert.Equal(10, preOpenSecond.Vwap);
        Assert.Equal(10, preOpenSecond.DayVwap);

        var preOpenMinute = bars[1];
        Assert.True(preOpenMinute.IsMinute);
        Assert.Equal((Open - 60_000, Open), (preOpenMinute.Start, preOpenMinute.End));
        Assert.Null(preOpenMinute.OfficialOpen);

        var firstRegularSecond = bars[2];
        Assert.Equal((Open, Open + 1000), (firstRegularSecond.Start, firstRegularSecond.End));
        Assert.Equal((11.0, 12.0, 11.0, 12.0), (firstRegularSecond.Open, firstRegularSecond.High, firstRegularSecond.Low, firstRegularSecond.Close));
        Assert.Equal(300, firstRegularSecond.Volume);
        Assert.Equal(400, firstRegularSecond.AccumulatedVolume);
        Assert.Equal(11, firstRegularSecond.OfficialOpen);
        Assert.Equal(11.3333, firstRegularSecond.Vwap);           // (11*200 + 12*100) / 300
        Assert.Equal(11.0, firstRegularSecond.DayVwap);           // (10*100 + 11*200 + 12*100) / 400
        Assert.Equal(150, firstRegularSecond.AverageTradeSize);  // 300 shares in 2 trades

        var lastSecond = bars[3];
        Assert.Equal(300, lastSecond.Volume);
        Assert.Equal(700, lastSecond.AccumulatedVolume);
        Assert.Equal(11.2143, lastSecond.DayVwap);                // (4400 + 3450) / 700
        Assert.Equal(300, lastSecond.AverageTradeSize);

        var regularMinute = bars[4];
        Assert.True(regularMinute.IsMinute);
        Assert.Equal((Open, Open + 60_000), (regularMinute.Start, regularMinute.End));
        Assert.Equal((11.0, 12.0, 11.0, 11.5), (regularMinute.Open, regularMinute.High, regularMinute.Low, regularMinute.Close));
        Assert.Equal(600, regularMinute.Volume);
        Assert.Equal(700, regularMinute.AccumulatedVolume);
        Assert.Equal(11.4167, regularMinute.Vwap);                // 6850 / 600
        Assert.Equal(200, regularMinute.AverageTradeSize);
        Assert.Equal(11, regularMinute.OfficialOpen);
    }

    [Fact]
    public void Official_open_is_the_first_trade_at_or_after_the_open_and_never_changes()
    {
        var bars = Build((0, 20, 100), (30_000, 25, 100), (61_000, 30, 100));

        Assert.All(bars, bar => Assert.Equal(20, bar.OfficialOpen));
    }

    [Fact]
    public void A_bar_closes_only_when_a_later_trade_or_the_flush_comes()
    {
        var builder = new AggregateBuilder("IBM", Open);
        var bars = new List<Aggregate>();
        builder.Add(Open + 10, 10, 100, bars);
        builder.Add(Open + 999, 10, 100, bars);
        Assert.Empty(bars);

        builder.Add(Open + 1_000, 10, 100, bars);
        var second = Assert.Single(bars);
        Assert.Equal(200, second.Volume);
        Assert.Equal(200, second.AccumulatedVolume);
    }
}
