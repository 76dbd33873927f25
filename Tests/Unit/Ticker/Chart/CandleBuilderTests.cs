using Scanner.Calendar;
using Scanner.MarketData;
using Scanner.Ticker.Chart;
using static Scanner.Tests.Unit.Ticker.MarketEvents;

namespace Scanner.Tests.Unit.Ticker.Chart;

public class CandleBuilderTests
{
    private const string Sym = "AIG";
    private static readonly TradingDayBounds Day = TradingCalendar.BoundsOf(Monday);
    private readonly List<MinuteCandle> _candles = [];

    private bool Apply(long time, double price, long size = 100, params int[] conditions) =>
        CandleBuilder.Apply(_candles, Day, Trade(Sym, time, price, size, conditions: ConditionCodes.Of(conditions)));

    private static short MinuteOf(int hour, int minute) => (short)((At(Monday, hour, minute) - Day.Start) / 60_000);

    [Fact]
    public void A_minute_holds_its_first_highest_lowest_and_last_trade_and_their_volume()
    {
        var minute = At(Monday, 9, 30);
        Apply(minute, 48.90, 100);
        Apply(minute + 10_000, 49.00, 200);
        Apply(minute + 20_000, 48.85, 300);
        Apply(minute + 59_999, 48.95, 400);

        var candle = Assert.Single(_candles);
        Assert.Equal(new MinuteCandle
        {
            Minute = MinuteOf(9, 30), Open = 48.90, High = 49.00, Low = 48.85, Close = 48.95, Volume = 1000,
            PriceVolume = (48.90 * 100) + (49.00 * 200) + (48.85 * 300) + (48.95 * 400), OpenOffset = 0, CloseOffset = 59_999,
        }, candle);
    }

    [Fact]
    public void A_trade_on_the_minute_opens_the_next_candle()
    {
        Apply(At(Monday, 9, 30) + 59_999, 10);
        Apply(At(Monday, 9, 31), 11);
        Assert.Equal([MinuteOf(9, 30), MinuteOf(9, 31)], _candles.Select(c => c.Minute));
        Assert.Equal(11, _candles[1].Open);
        Assert.Equal(10, _candles[0].Close);
    }

    [Fact]
    public void Late_and_out_of_order_trades_take_their_place_in_time()
    {
        var minute = At(Monday, 10, 0);
        Apply(minute + 30_000, 20.00);
        Apply(At(Monday, 10, 5), 21.00);
        Apply(minute + 50_000, 20.50); // later in the minute than the first: the new close
        Apply(minute + 5_000, 19.50);  // earlier: the new open
        Apply(minute + 40_000, 20.25); // in between: neither
        Apply(At(Monday, 10, 2), 22.00); // a minute between two candles is inserted in order

        Assert.Equal([MinuteOf(10, 0), MinuteOf(10, 2), MinuteOf(10, 5)], _candles.Select(c => c.Minute));
        var first = _candles[0];
        Assert.Equal((19.50, 20.50, 19.50, 20.50, 400L), (first.Open, first.High, first.Low, first.Close, first.Volume));
    }

    [Fact]
    public void Of_trades_at_the_same_time_the_first_applied_opens_and_the_last_applied_closes()
    {
        var time = At(Monday, 11, 0) + 1_000;
        Apply(time, 5.00);
        Apply(time, 5.10);
        Apply(time, 5.05);
        Assert.Equal((5.00, 5.05), (_candles[0].Open, _candles[0].Close));
    }

    [Fact]
    public void Candles_cover_04_00_to_20_00_new_york_pre_market_and_after_hours_included()
    {
        Assert.False(Apply(At(Monday, 3, 59, 59), 1));
        Assert.True(Apply(At(Monday, 4, 0), 2));
        Assert.True(Apply(At(Monday, 19, 59, 59), 3));
        Assert.False(Apply(At(Monday, 20, 0), 4));
        Assert.Equal([(short)0, (short)(CandleBuilder.MaxCandles - 1)], _candles.Select(c => c.Minute));
    }

    [Fact]
    public void Odd_lots_and_other_trades_that_must_not_set_the_price_count_as_volume_only()
    {
        var minute = At(Monday, 9, 45);
        Assert.True(Apply(minute, 30.00, 50, 37));          // odd lot
        var volumeOnly = Assert.Single(_candles);
        Assert.Equal((0.0, 0.0, 50L), (volumeOnly.Open, volumeOnly.High, volumeOnly.Volume));

        Apply(minute + 1_000, 31.00, 100, 14, 41);            // intermarket sweep, trade through exempt: a regular print
        Apply(minute + 2_000, 35.00, 100, 12);                // Form T
        Assert.False(Apply(minute + 3_000, 40.00, 1000, 15)); // official close: no trade at all
        var candle = Assert.Single(_candles);
        Assert.Equal((31.00, 31.00, 31.00, 31.00, 250L), (candle.Open, candle.High, candle.Low, candle.Close, candle.Volume));
        Assert.Equal((30.00 * 50) + (31.00 * 100) + (35.00 * 100), candle.PriceVolume, 6);
    }

    [Fact]
    public void Empty_trades_count_for_nothing()
    {
        Assert.False(Apply(At(Monday, 9, 45), 0));
        Assert.False(Apply(At(Monday, 9, 45), 10, 0));
        Assert.Empty(_candles);
    }

    [Fact]
    public void A_whole_day_holds_at_most_one_candle_per_minute()
    {
        for (var time = Day.Start; time < Day.AfterHoursEnd; time += 20_000)
        {
            Apply(time, 10);
        }
        Assert.Equal(CandleBuilder.MaxCandles, _candles.Count);
        Assert.All(_candles, c => Assert.Equal(300, c.Volume));
    }
}
