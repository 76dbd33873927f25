using Scanner.MarketData;
using Scanner.Simulator.Replay;
using Scanner.Simulator.Time;
using Scanner.Calendar;

namespace Scanner.Tests.Unit.Simulator.Replay;

public class ReplayTests
{
    private static readonly DateOnly Day = new(2013, 10, 7);
    private static readonly long Open = TradingCalendar.At(Day, TradingCalendar.RegularOpen);

    [Fact]
    public void Lean_tick_times_are_new_york_milliseconds_since_midnight()
    {
        Assert.True(LeanCsv.TryParseTick("14400464,1674100,100,P,20002000,0", Day, out var tick));

        Assert.Equal(DateTimeOffset.Parse("2013-10-07T08:00:00.464Z"), DateTimeOffset.FromUnixTimeMilliseconds(tick.UnixMs));
        Assert.Equal(167.41, tick.Price);
        Assert.Equal(100, tick.Size);
        Assert.Equal('P', tick.Exchange);
        Assert.False(tick.Suspicious);
        Assert.True(LeanCsv.TryParseTick("14400464,1674100,100,P,20002000,1", Day, out var suspicious) && suspicious.Suspicious);
        Assert.False(LeanCsv.TryParseTick("garbage", Day, out _));
    }

    [Fact]
    public void Lean_daily_bars_are_deci_cents()
    {
        Assert.True(LeanCsv.TryParseDailyBar("20131004 00:00,1677400,1690600,1675300,1688900,84960871", out var bar));

        Assert.Equal(new DateOnly(2013, 10, 4), bar.Date);
        Assert.Equal((167.74, 169.06, 167.53, 168.89, 84960871L), (bar.Open, bar.High, bar.Low, bar.Close, bar.Volume));
    }

    [Fact]
    public void A_symbol_replay_sends_trades_then_each_bar_when_its_window_closes_and_skips_suspicious_ticks()
    {
        LeanTick[] ticks =
        [
            new(Open + 100, 100_000, 100, 'N', false),
            new(Open + 200, 990_000, 100, 'N', true),
            new(Open + 1_500, 110_000, 200, 'P', false),
        ];

        var events = TradeReplay.Events("IBM", ticks, Open).ToList();

        Assert.Equal(
            ["T", "A", "T", "A", "AM"],
            events.Select(e => e.Event switch { Trade => "T", Aggregate { IsMinute: false } => "A", Aggregate => "AM", _ => "?" }));
        Assert.Equal([Open + 100, Open + 1_000, Open + 1_500, Open + 2_000, Open + 60_000], events.Select(e => e.EmitUnixMs));
        var firstTrade = Assert.IsType<Trade>(events[0].Event);
        Assert.Equal((10.0, 100L, 10), (firstTrade.Price, firstTrade.Size, firstTrade.Exchange));
        Assert.DoesNotContain(events, e => e.Event is Trade { Price: 99 });
        Assert.Equal(300, Assert.IsType<Aggregate>(events[^1].Event).AccumulatedVolume);
    }

    [Fact]
    public void The_timeline_merges_symbols_in_time_order_with_ties_to_the_first_stream()
    {
        static IEnumerable<TimedEvent> Stream(string symbol, params long[] times) =>
            times.Select(t => new TimedEvent(t, new FairMarketValue(symbol, t, t, 1)));

        using var timeline = new ReplayTimeline([Stream("A", 1, 5, 9), Stream("B", 2, 5, 6), Stream("C")]);
        var merged = new List<(long, string)>();
        while (timeline.TryTake(out var next))
        {
            merged.Add((next.EmitUnixMs, next.Event.Symbol));
        }

        Assert.Equal([(1, "A"), (2, "B"), (5, "A"), (5, "B"), (6, "B"), (9, "A")], merged);
    }

    [Fact]
    public void The_timeline_skips_what_comes_before_the_start()
    {
        using var timeline = new ReplayTimeline([[new TimedEvent(1, new FairMarketValue("A", 1, 1, 1)), new TimedEvent(7, new FairMarketValue("A", 7, 7, 1))]]);

        Assert.Equal(1, timeline.SkipBefore(5));
        Assert.True(timeline.TryPeekTime(out var next));
        Assert.Equal(7, next);
    }
}
