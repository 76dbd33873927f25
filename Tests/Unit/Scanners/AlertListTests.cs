using Scanner.Scanners;
using Scanner.Calendar;

namespace Scanner.Tests.Unit.Scanners;

public class AlertListTests
{
    private static ScannerAlert Alert(long timestamp, string symbol = "X") =>
        new(AlertKind.NewHigh, symbol, timestamp, MarketSession.Regular, 1, 0.5, 0, 0, 0, 0, "note");

    private static readonly long Monday10 = TradingCalendar.At(new DateOnly(2013, 10, 7), new TimeOnly(10, 0));

    [Fact]
    public void Keeps_the_newest_alerts_newest_first()
    {
        var list = new AlertList(capacity: 3);
        list.Add([Alert(Monday10 + 1), Alert(Monday10 + 2)]);
        list.Add([Alert(Monday10 + 3), Alert(Monday10 + 4)]);
        Assert.Equal([Monday10 + 4, Monday10 + 3, Monday10 + 2], list.NewestFirst().Select(a => a.Timestamp));
    }

    [Fact]
    public void The_default_capacity_is_one_thousand()
    {
        var list = new AlertList();
        list.Add(Enumerable.Range(0, 1500).Select(i => Alert(Monday10 + i)));
        Assert.Equal(1000, list.NewestFirst().Length);
        Assert.Equal(Monday10 + 1499, list.NewestFirst()[0].Timestamp);
    }

    [Fact]
    public void A_new_trading_day_clears_the_list_and_older_alerts_are_ignored()
    {
        var list = new AlertList();
        list.Add([Alert(Monday10)]);
        var tuesday = Monday10 + TimeSpan.FromDays(1).Ticks / TimeSpan.TicksPerMillisecond;
        list.Add([Alert(tuesday)]);
        Assert.False(list.Add([Alert(Monday10 + 5)]));
        Assert.Equal([tuesday], list.NewestFirst().Select(a => a.Timestamp));
    }

    [Fact]
    public void Rolling_over_empties_the_list_and_keeps_older_alerts_out()
    {
        var list = new AlertList();
        list.Add([Alert(Monday10)]);
        Assert.True(list.RollOver(20131008));
        Assert.Empty(list.NewestFirst());
        Assert.False(list.Add([Alert(Monday10 + 5)]));
        Assert.False(list.RollOver(20131008));
    }
}
