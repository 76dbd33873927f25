using Scanner.Scanners;
using Scanner.Calendar;

namespace Scanner.Tests.Unit.Scanners;

public class ShardReportBufferTests
{
    private static ScannerAlert Alert(string symbol, string note) =>
        new(AlertKind.NewHigh, symbol, 1, MarketSession.Regular, 5, 4, 0, 0, 0, 0, note);

    private static ShardReport Report(string symbol, long volume, long version, params ScannerAlert[] alerts) =>
        new(Rows.Row(symbol, accumulatedVolume: volume), alerts, version);

    [Fact]
    public void Keeps_one_report_per_symbol_with_the_newest_row_and_every_alert_in_order()
    {
        var buffer = new ShardReportBuffer();
        buffer.Add(Report("AAPL", 100, 1, Alert("AAPL", "a")));
        buffer.Add(Report("MSFT", 7, 1));
        buffer.Add(Report("AAPL", 200, 2, Alert("AAPL", "b")));
        buffer.Add(Report("AAPL", 300, 3));

        var drained = buffer.Drain().OrderBy(r => r.Row.Symbol).ToArray();

        Assert.Equal(["AAPL", "MSFT"], drained.Select(r => r.Row.Symbol));
        Assert.Equal((300L, 3L), (drained[0].Row.AccumulatedVolume, drained[0].Version));
        Assert.Equal(["a", "b"], drained[0].Alerts.Select(a => a.Note));
        Assert.Empty(buffer.Drain());
    }

    [Fact]
    public void Returned_reports_never_replace_a_newer_row_but_keep_their_alerts_first()
    {
        var buffer = new ShardReportBuffer();
        buffer.Add(Report("AAPL", 100, 1, Alert("AAPL", "old")));
        var failed = buffer.Drain();
        buffer.Add(Report("AAPL", 200, 2, Alert("AAPL", "new")));
        buffer.Add(Report("MSFT", 7, 1));

        buffer.Return(failed);

        var aapl = buffer.Drain().Single(r => r.Row.Symbol == "AAPL");
        Assert.Equal((200L, 2L), (aapl.Row.AccumulatedVolume, aapl.Version));
        Assert.Equal(["old", "new"], aapl.Alerts.Select(a => a.Note));
    }

    [Fact]
    public void Adds_from_many_threads_lose_nothing()
    {
        var buffer = new ShardReportBuffer();
        var drained = new List<ShardReport>();
        Parallel.For(0, 20_000, i =>
        {
            buffer.Add(Report($"S{i % 500}", i, i, Alert($"S{i % 500}", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            if (i % 1_000 == 0)
            {
                lock (drained) drained.AddRange(buffer.Drain());
            }
        });
        drained.AddRange(buffer.Drain());

        Assert.Equal(20_000, drained.Sum(r => r.Alerts.Length));
        foreach (var symbol in drained.GroupBy(r => r.Row.Symbol))
        {
            Assert.Equal(symbol.Max(r => r.Version), symbol.SelectMany(r => r.Alerts).Max(a => int.Parse(a.Note, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
