using System.Text.Json;
using Scanner.Scanners;
using Scanner.Ticker;
using static Scanner.Tests.Unit.Scanners.Rows;
using Scanner.Calendar;

namespace Scanner.Tests.Unit.Scanners;

public class FeedJsonTests
{
    private static readonly string[] RowFields =
    [
        "rank", "symbol", "volume", "free_float", "accumulated_volume", "relative_volume", "official_open_price", "vwap",
        "open", "close", "high", "low", "aggregate_vwap", "average_size", "avg_volume", "prev_day_close", "prev_day_open",
        "prev_day_high", "prev_day_low", "prev_day_volume", "prev_day_vwap", "change", "pct_change", "change_since_open",
        "pct_change_since_open", "start_timestamp", "end_timestamp", "last_event_timestamp", "trading_day", "relative_volume_tod",
    ];

    [Fact]
    public void A_ranking_is_an_array_of_rows_with_the_reference_field_names_and_ranks()
    {
        var row = new ScannerRow("ABC", 20131007, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 4.5, 300, 4.52, 200);
        using var json = JsonDocument.Parse(ScannerRowJson.ToArray([row, Row("XYZ")]));
        var first = json.RootElement[0];
        Assert.Equal(RowFields, first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Equal(2, json.RootElement[1].GetProperty("rank").GetInt32());
        Assert.Equal("ABC", first.GetProperty("symbol").GetString());
        double[] values = [.. first.EnumerateObject().Skip(2).Take(26).Select(p => p.Value.GetDouble())];
        Assert.Equal(Enumerable.Range(1, 26).Select(i => (double)i), values);
        Assert.Equal("2013-10-07", first.GetProperty("trading_day").GetString());
        Assert.Equal(27, first.GetProperty("relative_volume_tod").GetDouble());
    }

    [Fact]
    public void A_row_before_its_first_event_has_no_trading_day()
    {
        using var json = JsonDocument.Parse(ScannerRowJson.ToObject(Row("ABC") with { TradingDay = 0 }));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("trading_day").ValueKind);
    }

    [Fact]
    public void A_quote_is_the_row_without_a_rank_and_with_the_nbbo()
    {
        using var json = JsonDocument.Parse(ScannerRowJson.ToObject(Row("ABC") with { BidPrice = 4.5, BidSize = 300, AskPrice = 4.52, AskSize = 200 }));
        Assert.Equal([.. RowFields.Skip(1), "bid_price", "bid_size", "ask_price", "ask_size", "spread"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var q = json.RootElement;
        Assert.Equal((4.5, 300, 4.52, 200, 0.02), (q.GetProperty("bid_price").GetDouble(), q.GetProperty("bid_size").GetInt64(),
            q.GetProperty("ask_price").GetDouble(), q.GetProperty("ask_size").GetInt64(), q.GetProperty("spread").GetDouble()));
        using var noQuote = JsonDocument.Parse(ScannerRowJson.ToObject(Row("ABC") with { AskPrice = 4.52 }));
        Assert.Equal(0, noQuote.RootElement.GetProperty("spread").GetDouble()); // no bid: no spread
    }

    [Fact]
    public void Range_alerts_carry_session_direction_previous_extreme_and_note()
    {
        var alert = new ScannerAlert(AlertKind.NewHigh, "ABC", 123, MarketSession.PreMarket, 4.2, 4.1, 0, 0, 0, 0,
            "Broke pre-market high of $4.10", new AlertContext(12.5, 3.2, 5_000_000, 640_000));
        using var json = JsonDocument.Parse(ScannerAlertJson.ToArray([alert]));
        var a = json.RootElement[0];
        Assert.Equal("ABC", a.GetProperty("symbol").GetString());
        Assert.Equal("pre_market", a.GetProperty("session").GetString());
        Assert.Equal("high", a.GetProperty("direction").GetString());
        Assert.Equal(4.2, a.GetProperty("price").GetDouble());
        Assert.Equal(4.1, a.GetProperty("previous").GetDouble());
        Assert.Equal(123, a.GetProperty("timestamp").GetInt64());
        Assert.Equal("Broke pre-market high of $4.10", a.GetProperty("note").GetString());
        Assert.Equal(12.5, a.GetProperty("day_pct_change").GetDouble());
        Assert.Equal(3.2, a.GetProperty("relative_volume").GetDouble());
        Assert.Equal(5_000_000, a.GetProperty("free_float").GetDouble());
        Assert.Equal(640_000, a.GetProperty("volume").GetInt64());
    }

    [Fact]
    public void Halt_and_momentum_alerts_have_their_own_fields()
    {
        var halt = new ScannerAlert(AlertKind.Halt, "H", 1, MarketSession.Regular, 5, 5.5, 4.5, 0, 0, 0, "Halted");
        var momentum = new ScannerAlert(AlertKind.Momentum, "M", 2, MarketSession.Regular, 10.6, 10, 0, 6, 4, 5, "Up");
        using var json = JsonDocument.Parse(ScannerAlertJson.ToArray([halt, momentum]));
        Assert.Equal("halted", json.RootElement[0].GetProperty("status").GetString());
        Assert.Equal(5.5, json.RootElement[0].GetProperty("upper_band").GetDouble());
        Assert.Equal(4.5, json.RootElement[0].GetProperty("lower_band").GetDouble());
        Assert.Equal("luld_pause", json.RootElement[0].GetProperty("reason").GetString());
        Assert.False(json.RootElement[0].TryGetProperty("halt_duration_ms", out _));
        Assert.Equal(6, json.RootElement[1].GetProperty("pct_change").GetDouble());
        Assert.Equal(4, json.RootElement[1].GetProperty("volume_ratio").GetDouble());
        Assert.Equal(5, json.RootElement[1].GetProperty("window_minutes").GetInt32());
    }

    [Fact]
    public void A_resume_carries_the_reason_and_how_long_the_halt_lasted()
    {
        var resume = new ScannerAlert(AlertKind.Resume, "H", 1, MarketSession.Regular, 5, 5.5, 4.5, 0, 0, 0, "Resumed",
            default, 300_000);
        var r = JsonDocument.Parse(ScannerAlertJson.ToArray([resume])).RootElement[0];
        Assert.Equal("resumed", r.GetProperty("status").GetString());
        Assert.Equal("luld_pause", r.GetProperty("reason").GetString());
        Assert.Equal(300_000, r.GetProperty("halt_duration_ms").GetInt64());
    }

    [Fact]
    public void Daily_range_lists_each_session_with_null_for_sessions_without_bars()
    {
        var snapshot = new TickerSnapshot(Row("ABC"), 0, 0, 0, 0, 0, 0, 0, 0,
            new SessionRange(4.25, 3.9), new SessionRange(5, 4), default, 0, 0, false, 0, 0, 0, null, 99);
        using var json = JsonDocument.Parse(DailyRangeJson.ToObject(snapshot));
        var r = json.RootElement;
        Assert.Equal("ABC", r.GetProperty("symbol").GetString());
        Assert.Equal(20131007, r.GetProperty("trading_day").GetInt32());
        Assert.Equal(4.25, r.GetProperty("pre_market_high").GetDouble());
        Assert.Equal(3.9, r.GetProperty("pre_market_low").GetDouble());
        Assert.Equal(5, r.GetProperty("regular_high").GetDouble());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("after_hours_high").ValueKind);
        Assert.Equal(99, r.GetProperty("timestamp").GetInt64());
    }
}
