using Scanner.MarketData;
using Scanner.Scanners;
using Scanner.Ticker;
using static Scanner.Tests.Unit.Ticker.MarketEvents;
using Scanner.Calendar;

namespace Scanner.Tests.Unit.Ticker;

public class TickerDayTests
{
    private const string Sym = "ABCD";
    private readonly List<ScannerAlert> _alerts = [];
    private readonly TickerDay _day = new(Sym, new MomentumOptions());

    private TickerChanges Apply(MarketEvent e) => _day.Apply(e, _alerts);

    [Fact]
    public void Row_follows_the_reference_formulas()
    {
        _day.ApplyReference(Reference(Monday, prevClose: 10, avgVolume: 1_000_000, freeFloat: 5_000_000));
        Apply(Bar(Sym, At(Monday, 9, 0), close: 10.2, accumulatedVolume: 500_000));
        Apply(Bar(Sym, At(Monday, 9, 45), close: 11.55, accumulatedVolume: 2_000_000, volume: 1234,
            officialOpen: 10.5, dayVwap: 10.9, vwap: 11.5, averageSize: 77));

        var row = _day.ToRow();
        Assert.Equal(Sym, row.Symbol);
        Assert.Equal(20131007, row.TradingDay);
        Assert.Equal(2_000_000, row.AccumulatedVolume);
        Assert.Equal(1234, row.Volume);
        Assert.Equal(2.0, row.RelativeVolume, 10);
        Assert.Equal(10.5, row.OfficialOpenPrice);
        Assert.Equal(11.55, row.Close);
        Assert.Equal(1.55, row.Change, 10);
        Assert.Equal(15.5, row.PctChange, 10);
        Assert.Equal(1.05, row.ChangeSinceOpen, 10);
        Assert.Equal(10.0, row.PctChangeSinceOpen, 10);
        Assert.Equal(10.9, row.AggregateVwap);
        Assert.Equal(11.5, row.Vwap);
        Assert.Equal(77, row.AverageSize);
        Assert.Equal(10.2, row.Open);
        Assert.Equal(11.55, row.High);
        Assert.Equal(10.2, row.Low);
        Assert.Equal(5_000_000, row.FreeFloat);
        Assert.Equal(1_000_000, row.AvgVolume);
        Assert.Equal(10, row.PrevDayClose);
        Assert.Equal(9.5, row.PrevDayOpen);
        Assert.Equal(11, row.PrevDayHigh);
        Assert.Equal(9, row.PrevDayLow);
        Assert.Equal(900_000, row.PrevDayVolume);
        Assert.Equal(9.8, row.PrevDayVwap);
        Assert.Equal(At(Monday, 9, 45), row.StartTimestamp);
        Assert.Equal(At(Monday, 9, 45) + 1000, row.EndTimestamp);
    }

    [Fact]
    public void Unknown_denominators_give_zero_not_infinity()
    {
        Apply(Bar(Sym, At(Monday, 8, 0), close: 4, accumulatedVolume: 1000));
        var row = _day.ToRow();
        Assert.Equal(0, row.RelativeVolume);
        Assert.Equal(0, row.Change);
        Assert.Equal(0, row.PctChange);
        Assert.Equal(0, row.OfficialOpenPrice);
        Assert.Equal(0, row.ChangeSinceOpen);
        Assert.Equal(0, row.PctChangeSinceOpen);
        Assert.True(_day.NeedsReference);
    }

    [Fact]
    public void Accumulated_volume_comes_from_av_not_a_sum_of_bar_volumes()
    {
        Apply(Bar(Sym, At(Monday, 9, 31), close: 5, accumulatedVolume: 10_000, volume: 100));
        Apply(Bar(Sym, At(Monday, 9, 32), close: 5, accumulatedVolume: 10_100, volume: 100));
        Assert.Equal(10_100, _day.ToRow().AccumulatedVolume);
    }

    [Fact]
    public void Repeated_and_late_bars_do_not_double_count_or_move_the_latest_bar()
    {
        var first = Bar(Sym, At(Monday, 9, 31), close: 5, accumulatedVolume: 10_000, volume: 300);
        var second = Bar(Sym, At(Monday, 9, 32), close: 6, accumulatedVolume: 10_500, volume: 500);
        Apply(first);
        Apply(second);
        var before = _day.ToRow();

        Apply(second);
        Apply(first); // late repeat of an older window
        var after = _day.ToRow();

        Assert.Equal(before, after);
        Assert.Equal(10_500, after.AccumulatedVolume);
        Assert.Equal(500, after.Volume);
        Assert.Equal(6, after.Close);
    }

    [Fact]
    public void A_corrected_bar_for_the_same_window_replaces_it()
    {
        Apply(Bar(Sym, At(Monday, 9, 31), close: 5, accumulatedVolume: 10_000, volume: 300));
        Apply(Bar(Sym, At(Monday, 9, 31), close: 5.1, accumulatedVolume: 10_050, volume: 350));
        var row = _day.ToRow();
        Assert.Equal(10_050, row.AccumulatedVolume);
        Assert.Equal(350, row.Volume);
        Assert.Equal(5.1, row.Close);
    }

    [Fact]
    public void Trades_are_deduplicated_by_sequence_per_tape()
    {
        var t = At(Monday, 10, 0);
        Apply(Trade(Sym, t, 5.0, sequence: 42, tape: 3));
        Assert.Equal(TickerChanges.None, Apply(Trade(Sym, t, 5.0, sequence: 42, tape: 3)));
        Apply(Trade(Sym, t + 1, 5.1, sequence: 42, tape: 1));
        Apply(Trade(Sym, t + 2, 5.2, sequence: 43, tape: 3));

        var snapshot = _day.ToSnapshot();
        Assert.Equal(3, snapshot.TradeCount);
        Assert.Equal(1, _day.DuplicateEvents);
        Assert.Equal(5.2, snapshot.LastTradePrice);
        Assert.Equal(5.2, snapshot.Row.Close);
    }

    [Fact]
    public void A_late_trade_does_not_replace_a_newer_last_price()
    {
        Apply(Bar(Sym, At(Monday, 10, 0), close: 7, accumulatedVolume: 100));
        Apply(Trade(Sym, At(Monday, 10, 0) + 500, 6.5, sequence: 1)); // inside the bar's window: the bar's close is later
        Assert.Equal(7, _day.ToRow().Close);
        Apply(Trade(Sym, At(Monday, 10, 0) + 1500, 7.2, sequence: 2));
        Assert.Equal(7.2, _day.ToRow().Close);
    }

    [Fact]
    public void The_row_carries_the_time_of_the_newest_event_that_changed_it()
    {
        Apply(Bar(Sym, At(Monday, 10, 0), close: 7, accumulatedVolume: 100));
        Assert.Equal(At(Monday, 10, 0) + 1000, _day.ToRow().LastEventTimestamp); // a bar is complete at its end
        Apply(Trade(Sym, At(Monday, 10, 0) + 500, 6.5, sequence: 1)); // older than the bar's close: no row change
        Assert.Equal(At(Monday, 10, 0) + 1000, _day.ToRow().LastEventTimestamp);
        Apply(Trade(Sym, At(Monday, 10, 0) + 1500, 7.2, sequence: 2));
        Apply(Quote(Sym, At(Monday, 10, 0, 5), 7.1, 7.3)); // quotes are not part of the row
        Assert.Equal(At(Monday, 10, 0) + 1500, _day.ToRow().LastEventTimestamp);
    }

    [Fact]
    public void Quotes_keep_the_newest_bid_and_ask()
    {
        Apply(Quote(Sym, At(Monday, 10, 0, 2), 4.99, 5.01));
        Apply(Quote(Sym, At(Monday, 10, 0, 1), 4.90, 5.10));
        var snapshot = _day.ToSnapshot();
        Assert.Equal(4.99, snapshot.BidPrice);
        Assert.Equal(5.01, snapshot.AskPrice);
    }

    [Fact]
    public void Four_am_new_york_resets_the_day_and_older_events_are_ignored()
    {
        var tuesday = Monday.AddDays(1);
        _day.ApplyReference(Reference(Monday));
        Apply(Bar(Sym, At(Monday, 19, 59), close: 9, accumulatedVolume: 5_000_000));
        Apply(Bar(Sym, At(tuesday, 3, 59), close: 9.1, accumulatedVolume: 5_000_100)); // still Monday's trading day
        Assert.Equal(5_000_100, _day.ToRow().AccumulatedVolume);

        var changes = Apply(Bar(Sym, At(tuesday, 4, 0), close: 9.5, accumulatedVolume: 1_000));
        Assert.True(changes.HasFlag(TickerChanges.NewDay));
        var row = _day.ToRow();
        Assert.Equal(20131008, row.TradingDay);
        Assert.Equal(1_000, row.AccumulatedVolume);
        Assert.Equal(9.5, row.High);
        Assert.Equal(0, row.PrevDayClose); // Monday's reference data does not apply to Tuesday
        Assert.True(_day.NeedsReference);

        Assert.Equal(TickerChanges.None, Apply(Bar(Sym, At(Monday, 19, 59), close: 20, accumulatedVolume: 9_000_000)));
        Assert.Equal(1, _day.StaleEvents);
        Assert.Equal(1_000, _day.ToRow().AccumulatedVolume);
    }

    [Fact]
    public void A_weekend_is_crossed_by_the_first_event_of_monday()
    {
        var friday = new DateOnly(2013, 10, 4);
        Apply(Bar(Sym, At(friday, 16, 30), close: 3, accumulatedVolume: 77_000));
        Apply(Bar(Sym, At(Monday, 4, 5), close: 3.3, accumulatedVolume: 500));
        var row = _day.ToRow();
        Assert.Equal(20131007, row.TradingDay);
        Assert.Equal(500, row.AccumulatedVolume);
        Assert.Equal(3.3, row.Low);
    }

    [Theory]
    [InlineData(2013, 11, 4)]
    [InlineData(2014, 3, 10)]
    public void Day_boundaries_hold_on_the_mondays_after_dst_switches(int y, int m, int d)
    {
        var day = new DateOnly(y, m, d);
        var sunday = day.AddDays(-1);
        Apply(Bar(Sym, At(sunday, 19, 0), close: 1, accumulatedVolume: 10));
        Apply(Bar(Sym, At(day, 3, 59, 59), close: 1, accumulatedVolume: 20));
        Assert.Equal(TradingCalendar.ToNumber(sunday), _day.Day);

        Apply(Bar(Sym, At(day, 4, 0), close: 2, accumulatedVolume: 30));
        Assert.Equal(TradingCalendar.ToNumber(day), _day.Day);
        Apply(Bar(Sym, At(day, 9, 29, 59), close: 2, accumulatedVolume: 40, officialOpen: 2));
        Assert.Equal(0, _day.ToRow().OfficialOpenPrice); // an op before 09:30 ET is not the official open

        Apply(Bar(Sym, At(day, 9, 30), close: 2.2, accumulatedVolume: 50, officialOpen: 2.1));
        var snapshot = _day.ToSnapshot();
        Assert.Equal(2.1, snapshot.Row.OfficialOpenPrice);
        Assert.Equal(new SessionRange(2, 2), snapshot.PreMarket);
        Assert.Equal(new SessionRange(2.2, 2.2), snapshot.Regular);
    }

    [Fact]
    public void Since_open_figures_start_at_half_past_nine_with_a_fallback_to_the_first_regular_bar()
    {
        _day.ApplyReference(Reference(Monday, prevClose: 10));
        Apply(Bar(Sym, At(Monday, 9, 0), close: 12, accumulatedVolume: 1000));
        Assert.Equal(0, _day.ToRow().PctChangeSinceOpen);
        Assert.Equal(20, _day.ToRow().PctChange, 10);

        Apply(Bar(Sym, At(Monday, 9, 30), open: 12.5, close: 12.5, accumulatedVolume: 2000));
        Assert.Equal(12.5, _day.ToRow().OfficialOpenPrice);
        Apply(Bar(Sym, At(Monday, 9, 31), close: 13.75, accumulatedVolume: 3000, officialOpen: 12.5));
        Assert.Equal(10, _day.ToRow().PctChangeSinceOpen, 10);
    }

    [Fact]
    public void New_session_highs_and_lows_raise_alerts_with_the_previous_extreme()
    {
        Apply(Bar(Sym, At(Monday, 8, 0), open: 4.0, high: 4.05, low: 3.95, close: 4.0, accumulatedVolume: 100));
        Assert.Empty(_alerts); // the first bar of a session only sets its range
        Apply(Bar(Sym, At(Monday, 8, 1), open: 4.0, high: 4.10, low: 3.98, close: 4.1, accumulatedVolume: 200));
        Apply(Bar(Sym, At(Monday, 8, 2), open: 4.1, high: 4.25, low: 3.90, close: 4.2, accumulatedVolume: 300));
        Apply(Bar(Sym, At(Monday, 8, 2), open: 4.1, high: 4.25, low: 3.90, close: 4.2, accumulatedVolume: 300)); // repeat

        Assert.Collection(_alerts,
            a => AssertAlert(a, AlertKind.NewHigh, 4.10, 4.05, "Broke pre-market high of $4.05"),
            a => AssertAlert(a, AlertKind.NewHigh, 4.25, 4.10, "Broke pre-market high of $4.10"),
            a => AssertAlert(a, AlertKind.NewLow, 3.90, 3.95, "Broke pre-market low of $3.95"));

        _alerts.Clear();
        Apply(Bar(Sym, At(Monday, 9, 30), open: 4.3, high: 4.3, low: 4.2, close: 4.3, accumulatedVolume: 400));
        Apply(Bar(Sym, At(Monday, 16, 0), open: 4.0, high: 4.0, low: 4.0, close: 4.0, accumulatedVolume: 500));
        Assert.Empty(_alerts); // each session starts its own range

        var snapshot = _day.ToSnapshot();
        Assert.Equal(new SessionRange(4.25, 3.90), snapshot.PreMarket);
        Assert.Equal(new SessionRange(4.3, 4.2), snapshot.Regular);
        Assert.Equal(new SessionRange(4.0, 4.0), snapshot.AfterHours);
        Assert.Equal(4.3, snapshot.Row.High);
        Assert.Equal(3.90, snapshot.Row.Low);
    }

    [Fact]
    public void Range_alerts_are_throttled_per_side_and_session_by_interval_or_step()
    {
        var day = new TickerDay(Sym, new MomentumOptions(), rangeAlerts: new RangeAlertOptions
        {
            MinInterval = TimeSpan.FromMinutes(5),
            MinStepPct = 1,
        });
        void Minute(int hour, int minute, double high) =>
            day.Apply(Bar(Sym, At(Monday, hour, minute), open: high, high: high, low: 19.5, close: high,
                accumulatedVolume: 100 * minute), _alerts);
        double[] Highs() => [.. _alerts.Where(a => a.Kind == AlertKind.NewHigh).Select(a => a.Price)];

        Minute(10, 0, 20.00); // sets the regular session's range
        Minute(10, 1, 20.01); // first break: alerts
        Minute(10, 2, 20.02); // a cent higher within the interval: silent
        Minute(10, 3, 20.03);
        Assert.Equal([20.01], Highs());

        Minute(10, 4, 20.25); // +1.2% beyond the last alerted price: a breakout alerts at once
        Minute(10, 5, 20.26);
        Assert.Equal([20.01, 20.25], Highs());

        Minute(10, 9, 20.27); // 20.25's bar ended 10:04:01; 10:09:01 is five minutes later
        Assert.Equal([20.01, 20.25, 20.27], Highs());
        Assert.Equal(new SessionRange(20.27, 19.5), day.ToSnapshot().Regular); // the range itself moves every bar

        Minute(16, 0, 20.30); // after-hours starts its own range silently ...
        Minute(16, 1, 20.31); // ... and its first break alerts although the regular session's alert was a minute ago
        Assert.Equal([20.01, 20.25, 20.27, 20.31], Highs());
    }

    [Fact]
    public void The_throttle_survives_reactivation()
    {
        Apply(Bar(Sym, At(Monday, 10, 0), close: 20.00, accumulatedVolume: 100));
        Apply(Bar(Sym, At(Monday, 10, 1), close: 20.01, accumulatedVolume: 200));
        var restored = new TickerDay(Sym, new MomentumOptions(), _day.State);
        restored.Apply(Bar(Sym, At(Monday, 10, 2), close: 20.02, accumulatedVolume: 300), _alerts);
        Assert.Single(_alerts);
    }

    [Fact]
    public void Alerts_carry_the_figures_a_trader_decides_on()
    {
        _day.ApplyReference(Reference(Monday, prevClose: 10, avgVolume: 1_000_000, freeFloat: 5_000_000));
        Apply(Bar(Sym, At(Monday, 10, 0), close: 11, accumulatedVolume: 400_000));
        Apply(Bar(Sym, At(Monday, 10, 1), close: 12, accumulatedVolume: 500_000));

        var alert = Assert.Single(_alerts, a => a.Kind == AlertKind.NewHigh);
        Assert.All(_alerts, a => Assert.Equal(alert.Context, a.Context)); // the momentum alert of the same bar too
        Assert.Equal(20, alert.Context.DayPctChange, 10);
        Assert.Equal(0.5, alert.Context.RelativeVolume, 10);
        Assert.Equal(5_000_000, alert.Context.FreeFloat);
        Assert.Equal(500_000, alert.Context.Volume);
    }

    private static void AssertAlert(ScannerAlert a, AlertKind kind, double price, double previous, string note)
    {
        Assert.Equal(kind, a.Kind);
        Assert.Equal(Sym, a.Symbol);
        Assert.Equal(MarketSession.PreMarket, a.Session);
        Assert.Equal(price, a.Price);
        Assert.Equal(previous, a.Reference);
        Assert.Equal(note, a.Note);
    }

    [Fact]
    public void Momentum_alerts_on_a_fast_move_with_heavy_volume_then_cools_down()
    {
        // 390,000 a day = 1,000 per regular minute, so 5 minutes of normal volume is 5,000.
        _day.ApplyReference(Reference(Monday, prevClose: 10, avgVolume: 390_000));
        long av = 0;
        void Minute(int minute, double close, long volume)
        {
            av += volume;
            Apply(Bar(Sym, At(Monday, 10, 0) + (minute * 60_000L), close: close, accumulatedVolume: av, volume: volume, minute: true));
        }

        for (var m = 0; m < 5; m++)
        {
            Minute(m, 10, 1_000);
        }
        Minute(5, 10.3, 3_000); // +3%: not enough
        Assert.DoesNotContain(_alerts, a => a.Kind == AlertKind.Momentum);

        Minute(6, 10.6, 14_000); // +6% vs the close of minute 1, 22,000 - 2,000 in 5 min = 4x
        var alert = Assert.Single(_alerts, a => a.Kind == AlertKind.Momentum);
        Assert.Equal(6, alert.PctChange, 6);
        Assert.Equal(4, alert.VolumeRatio, 6);
        Assert.Equal(5, alert.WindowMinutes);
        Assert.Equal("Up 6.0% in 5 min on 4.0x normal volume", alert.Note);

        Minute(7, 11.5, 20_000); // still moving, but inside the 15-minute cool-down
        Assert.Single(_alerts, a => a.Kind == AlertKind.Momentum);

        for (var m = 8; m < 22; m++)
        {
            Minute(m, 11.5, 1_000);
        }
        Minute(22, 12.5, 30_000); // cool-down over: +8.7% on 34,000 / 5,000
        Assert.Equal(2, _alerts.Count(a => a.Kind == AlertKind.Momentum));
    }

    [Theory]
    [InlineData(3.0, 8, false)]   // a $3 stock up 8%: below the 10% its band needs
    [InlineData(3.0, 11, true)]
    [InlineData(20.0, 6, true)]   // $5-$50: 5%
    [InlineData(60.0, 3.5, true)] // from $50: 3%
    [InlineData(60.0, 2.5, false)]
    public void Momentum_needs_a_larger_move_the_cheaper_the_stock(double price, double pctUp, bool alerts)
    {
        _day.ApplyReference(Reference(Monday, prevClose: price, avgVolume: 390_000));
        long av = 0;
        for (var m = 0; m < 5; m++)
        {
            av += 1_000;
            Apply(Bar(Sym, At(Monday, 10, m), close: price, accumulatedVolume: av, volume: 1_000, minute: true));
        }
        av += 20_000; // 21,000 in the 5-minute window against 5,000 normal
        Apply(Bar(Sym, At(Monday, 10, 5), close: price * (1 + (pctUp / 100)), accumulatedVolume: av, volume: 20_000, minute: true));
        Assert.Equal(alerts, _alerts.Any(a => a.Kind == AlertKind.Momentum));
    }

    [Fact]
    public void Relative_volume_at_time_of_day_compares_with_the_usual_volume_by_then()
    {
        _day.ApplyReference(Reference(Monday, avgVolume: 1_000_000));
        var usualBy11 = 1_000_000 * IntradayVolumeProfile.ShareTradedBy(TradingCalendar.BoundsOf(Monday), At(Monday, 11, 0));
        Apply(Bar(Sym, At(Monday, 10, 59), close: 10, accumulatedVolume: 300_000, minute: true)); // ends 11:00

        var row = _day.ToRow();
        Assert.Equal(0.3, row.RelativeVolume, 10); // whole-day: reads low all morning
        Assert.Equal(300_000 / usualBy11, row.RelativeVolumeTimeOfDay, 10);
        Assert.InRange(row.RelativeVolumeTimeOfDay, 0.8, 1.0); // a normal morning reads about 1x

        Apply(Bar(Sym, At(Monday, 19, 59), close: 10, accumulatedVolume: 1_000_000, minute: true)); // ends 20:00
        Assert.Equal(_day.ToRow().RelativeVolume, _day.ToRow().RelativeVolumeTimeOfDay, 10); // the day's end: the same
    }

    [Fact]
    public void Relative_volume_at_time_of_day_is_zero_without_an_average()
    {
        Apply(Bar(Sym, At(Monday, 10, 0), close: 10, accumulatedVolume: 300_000));
        Assert.Equal(0, _day.ToRow().RelativeVolumeTimeOfDay);
    }

    [Fact]
    public void Momentum_needs_a_known_average_volume()
    {
        long av = 0;
        for (var m = 0; m < 7; m++)
        {
            av += m == 6 ? 100_000 : 1_000;
            Apply(Bar(Sym, At(Monday, 10, 0) + (m * 60_000L), close: m == 6 ? 20 : 10, accumulatedVolume: av, minute: true));
        }
        Assert.DoesNotContain(_alerts, a => a.Kind == AlertKind.Momentum);
    }

    [Fact]
    public void Luld_halt_and_resume_are_tracked_with_times()
    {
        Apply(Bar(Sym, At(Monday, 10, 0), close: 5, accumulatedVolume: 100));
        var halt = At(Monday, 10, 32, 5);
        var resume = At(Monday, 10, 37, 5);
        Apply(Luld(Sym, halt - 1000, 1, 5.5, 4.5, 21)); // band update only
        Assert.False(_day.ToSnapshot().IsHalted);

        Apply(Luld(Sym, halt, 2, 5.5, 4.5, LuldIndicators.Halt));
        Apply(Luld(Sym, halt, 2, 5.5, 4.5, LuldIndicators.Halt)); // duplicate
        var halted = _day.ToSnapshot();
        Assert.True(halted.IsHalted);
        Assert.Equal(halt, halted.HaltedAt);
        Assert.Equal(5.5, halted.UpperBand);

        Apply(Luld(Sym, resume, 3, 6.0, 5.0, LuldIndicators.Resume));
        var resumed = _day.ToSnapshot();
        Assert.False(resumed.IsHalted);
        Assert.Equal(resume, resumed.ResumedAt);
        Assert.Equal(6.0, resumed.UpperBand);

        Assert.Collection(_alerts,
            a =>
            {
                Assert.Equal(AlertKind.Halt, a.Kind);
                Assert.Equal(halt, a.Timestamp);
                Assert.Equal("Halted (LULD) at 10:32:05 ET", a.Note);
            },
            a =>
            {
                Assert.Equal(AlertKind.Resume, a.Kind);
                Assert.Equal("Resumed at 10:37:05 ET after 5m 0s", a.Note);
                Assert.Equal(300_000, a.HaltDurationMs);
            });
        Assert.Equal(1, _day.DuplicateEvents);
    }

    [Fact]
    public void State_restored_into_a_new_instance_continues_the_day_without_double_counting()
    {
        _day.ApplyReference(Reference(Monday));
        Apply(Trade(Sym, At(Monday, 10, 0), 5, sequence: 7));
        Apply(Bar(Sym, At(Monday, 10, 0), close: 5, accumulatedVolume: 1_000));

        var restored = new TickerDay(Sym, new MomentumOptions(), _day.State);
        restored.Apply(Trade(Sym, At(Monday, 10, 0), 5, sequence: 7), _alerts); // redelivered after reactivation
        restored.Apply(Bar(Sym, At(Monday, 10, 0), close: 5, accumulatedVolume: 1_000), _alerts);

        Assert.Equal(1, restored.ToSnapshot().TradeCount);
        Assert.Equal(_day.ToRow(), restored.ToRow());
        Assert.False(restored.NeedsReference);
    }
}
