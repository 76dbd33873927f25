using Scanner.Tests.Support.Measuring;
using System.Text.Json;

namespace Scanner.Tests.Unit.Measuring;

public class RankingChangeDetectorTests
{
    private readonly RankingChangeDetector _detector = new();
    private readonly RowLatencies _latencies = new();

    private static string Row(string symbol, int rank, double close, long lastEvent, long end = 500) =>
        $$"""{"rank":{{rank}},"symbol":"{{symbol}}","close":{{close}},"start_timestamp":{{end - 1000}},"end_timestamp":{{end}},"last_event_timestamp":{{lastEvent}}}""";

    private void Publish(long published, long received, bool measured, params string[] rows)
    {
        using var json = JsonDocument.Parse("[" + string.Join(",", rows) + "]");
        _detector.Apply(json.RootElement, published, received, measured ? _latencies : null);
    }

    [Fact]
    public void A_row_changed_by_a_newer_event_is_timed_from_that_event_to_publish_and_to_receipt()
    {
        Publish(900, 950, true, Row("A", 1, 5.0, lastEvent: 800), Row("B", 2, 4.0, lastEvent: 700));
        Publish(1900, 1960, true, Row("A", 1, 5.1, lastEvent: 1600), Row("B", 2, 4.0, lastEvent: 700));

        Assert.Equal(1, _detector.ChangedRows);
        Assert.Equal(1, _detector.SampledRows);
        Assert.Equal(1, _latencies.EventToClient.Count);
        Assert.Equal(360, _latencies.EventToClient.Max);
        Assert.Equal(300, _latencies.EventToPublish.Max);
        Assert.Equal(2, _detector.Publications);
    }

    [Fact]
    public void The_first_publication_is_only_the_baseline()
    {
        Publish(900, 950, true, Row("A", 1, 5.0, lastEvent: 800));
        Assert.Equal(0, _latencies.EventToClient.Count);
        Assert.Equal(0, _detector.ChangedRows);
    }

    [Fact]
    public void A_new_rank_alone_is_no_change()
    {
        Publish(900, 950, true, Row("A", 1, 5.0, lastEvent: 800), Row("B", 2, 4.0, lastEvent: 700));
        Publish(1900, 1950, true, Row("B", 1, 4.0, lastEvent: 700), Row("A", 2, 5.0, lastEvent: 800));
        Assert.Equal(0, _detector.ChangedRows);
        Assert.Equal(0, _latencies.EventToClient.Count);
    }

    [Fact]
    public void A_change_without_a_newer_event_and_a_row_entering_the_list_are_counted_not_timed()
    {
        Publish(900, 950, true, Row("A", 1, 5.0, lastEvent: 800));
        Publish(1900, 1950, true, Row("A", 1, 5.5, lastEvent: 800), Row("C", 2, 3.0, lastEvent: 1800));
        Assert.Equal(1, _detector.ChangedRows);
        Assert.Equal(1, _detector.ChangedWithoutNewerEvent);
        Assert.Equal(1, _detector.EnteredRows);
        Assert.Equal(0, _latencies.EventToClient.Count);
    }

    [Fact]
    public void Rows_timed_by_a_bar_window_end_are_kept_apart_from_rows_timed_by_other_events()
    {
        Publish(900, 950, true, Row("A", 1, 5.0, lastEvent: 100), Row("B", 2, 4.0, lastEvent: 100));
        Publish(2900, 2950, true, Row("A", 1, 5.1, lastEvent: 2000, end: 2000), Row("B", 2, 4.1, lastEvent: 2500, end: 2000));
        Assert.Equal(950, _latencies.BarEndToClient.Max);
        Assert.Equal(1, _latencies.BarEndToClient.Count);
        Assert.Equal(450, _latencies.EventToClient.Max);
        Assert.Equal(1, _latencies.EventToClient.Count);
        Assert.Equal(1, _latencies.EventToPublish.Count);
    }

    [Fact]
    public void Publications_without_a_sink_move_the_baseline_and_count_nothing()
    {
        Publish(900, 950, false, Row("A", 1, 5.0, lastEvent: 800));
        Publish(1900, 1950, false, Row("A", 1, 5.1, lastEvent: 1800));
        Publish(2900, 2950, true, Row("A", 1, 5.2, lastEvent: 2800));
        Assert.Equal(1, _detector.Publications);
        Assert.Equal(1, _detector.SampledRows);
        Assert.Equal(150, _latencies.EventToClient.Max); // against the second publication, not the first
    }

    [Fact]
    public void A_malformed_row_is_counted_and_skipped_without_losing_the_others()
    {
        Publish(900, 950, true, Row("A", 1, 5.0, lastEvent: 800), """{"symbol":"X"}""");
        Publish(1900, 1950, true, Row("A", 1, 5.1, lastEvent: 1800), "42");
        Assert.Equal(2, _detector.MalformedRows);
        Assert.Equal(1, _detector.SampledRows);
    }

    [Fact]
    public void A_quote_publication_is_one_row_timed_like_a_ranking_row()
    {
        foreach (var (published, row) in new[] { (900L, Row("A", 0, 5.0, lastEvent: 800)), (1900L, Row("A", 0, 5.1, lastEvent: 1850)) })
        {
            using var json = JsonDocument.Parse(row);
            _detector.Apply(json.RootElement, published, published + 20, _latencies);
        }
        Assert.Equal(1, _detector.SampledRows);
        Assert.Equal(70, _latencies.EventToClient.Max);
    }
}
