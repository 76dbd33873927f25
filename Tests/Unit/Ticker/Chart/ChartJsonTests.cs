using System.Text.Json;
using Scanner.Calendar;
using Scanner.MarketData;
using Scanner.Ticker;
using Scanner.Ticker.Chart;
using static Scanner.Tests.Unit.Ticker.MarketEvents;

namespace Scanner.Tests.Unit.Ticker.Chart;

public class ChartJsonTests
{
    private const string Sym = "AIG";
    private static readonly TradingDayBounds Day = TradingCalendar.BoundsOf(Monday);

    private static JsonElement Chart(TickerDayState state) => JsonDocument.Parse(ChartJson.ToObject(state, Day)).RootElement.Clone();

    private static TickerDayState DayWith(params (long Time, double Price, long Size)[] trades)
    {
        var state = new TickerDayState { Symbol = Sym, Day = 20131007 };
        foreach (var (time, price, size) in trades)
        {
            CandleBuilder.Apply(state.Candles, Day, Trade(Sym, time, price, size));
        }
        return state;
    }

    [Fact]
    public void Bars_carry_their_start_prices_volume_and_the_days_vwap_at_their_end()
    {
        var chart = Chart(DayWith(
            (At(Monday, 9, 30) + 1, 10.0, 100),
            (At(Monday, 9, 30) + 2, 12.0, 300),
            (At(Monday, 9, 32) + 3, 11.0, 600)));

        var bars = chart.GetProperty("bars");
        Assert.Equal(2, bars.GetArrayLength());
        var first = bars[0];
        Assert.Equal(At(Monday, 9, 30), first.GetProperty("t").GetInt64());
        Assert.Equal((10.0, 12.0, 10.0, 12.0), (first.GetProperty("o").GetDouble(), first.GetProperty("h").GetDouble(), first.GetProperty("l").GetDouble(), first.GetProperty("c").GetDouble()));
        Assert.Equal(400, first.GetProperty("v").GetInt64());
        Assert.Equal(11.5, first.GetProperty("vw").GetDouble());               // (1000 + 3600) / 400
        Assert.Equal(11.2, bars[1].GetProperty("vw").GetDouble());             // (4600 + 6600) / 1000
        Assert.Equal(At(Monday, 9, 32), bars[1].GetProperty("t").GetInt64());
    }

    [Fact]
    public void Pre_market_and_regular_extremes_come_from_their_bars_and_are_null_without_any()
    {
        var state = DayWith((At(Monday, 4, 0), 9.0, 100), (At(Monday, 9, 29, 59), 9.5, 100), (At(Monday, 16, 0), 20.0, 100));
        var chart = Chart(state);
        Assert.Equal(9.5, chart.GetProperty("pre_market_high").GetDouble());
        Assert.Equal(9.0, chart.GetProperty("pre_market_low").GetDouble());
        Assert.Equal(JsonValueKind.Null, chart.GetProperty("high").ValueKind);
        Assert.Equal(JsonValueKind.Null, chart.GetProperty("low").ValueKind);

        CandleBuilder.Apply(state.Candles, Day, Trade(Sym, At(Monday, 9, 30), 10.0));
        CandleBuilder.Apply(state.Candles, Day, Trade(Sym, At(Monday, 15, 59, 59), 11.0));
        chart = Chart(state);
        Assert.Equal((11.0, 10.0), (chart.GetProperty("high").GetDouble(), chart.GetProperty("low").GetDouble()));
    }

    [Fact]
    public void Unknown_figures_are_null()
    {
        var state = new TickerDayState { Symbol = Sym, Day = 20131007 };
        CandleBuilder.Apply(state.Candles, Day, Trade(Sym, At(Monday, 9, 40), 10.0, conditions: ConditionCodes.Of(37)));
        var chart = Chart(state);
        Assert.Equal("AIG", chart.GetProperty("symbol").GetString());
        Assert.Equal(20131007, chart.GetProperty("trading_day").GetInt32());
        Assert.Equal(JsonValueKind.Null, chart.GetProperty("prev_close").ValueKind);
        Assert.Equal(JsonValueKind.Null, chart.GetProperty("pre_market_high").ValueKind);
        var bar = chart.GetProperty("bars")[0];
        Assert.All(["o", "h", "l", "c"], name => Assert.Equal(JsonValueKind.Null, bar.GetProperty(name).ValueKind));
        Assert.Equal(100, bar.GetProperty("v").GetInt64());
        Assert.Equal(10.0, bar.GetProperty("vw").GetDouble());
        Assert.Equal(0, chart.GetProperty("halts").GetArrayLength());
    }

    [Fact]
    public void Prev_close_comes_from_the_reference_data_and_halts_are_listed_with_an_open_end()
    {
        var state = new TickerDayState { Symbol = Sym, Day = 20131007, Reference = Reference(Monday, prevClose: 48.8) };
        state.Halts.Add(new HaltPeriod(At(Monday, 10, 0), At(Monday, 10, 5)));
        state.Halts.Add(new HaltPeriod(At(Monday, 11, 0), 0));
        var chart = Chart(state);
        Assert.Equal(48.8, chart.GetProperty("prev_close").GetDouble());
        var halts = chart.GetProperty("halts");
        Assert.Equal(At(Monday, 10, 5), halts[0].GetProperty("end").GetInt64());
        Assert.Equal("LULD pause", halts[0].GetProperty("reason").GetString());
        Assert.Equal(At(Monday, 11, 0), halts[1].GetProperty("start").GetInt64());
        Assert.Equal(JsonValueKind.Null, halts[1].GetProperty("end").ValueKind);
    }
}
