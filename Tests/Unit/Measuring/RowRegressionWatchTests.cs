using System.Text.Json;
using Scanner.Tests.Support.Measuring;

namespace Scanner.Tests.Unit.Measuring;

public class RowRegressionWatchTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void A_row_that_goes_back_in_volume_or_event_time_within_its_feed_is_a_regression()
    {
        var watch = new RowRegressionWatch();
        watch.Observe("top_volume", Json("""[{"symbol":"SPY","accumulated_volume":500,"last_event_timestamp":20,"trading_day":"2013-10-07"}]"""));
        watch.Observe("quote:SPY", Json("""{"symbol":"SPY","accumulated_volume":600,"last_event_timestamp":30,"trading_day":"2013-10-07"}"""));
        // The paced ranking lagging the quote is no regression.
        watch.Observe("top_volume", Json("""[{"symbol":"SPY","accumulated_volume":550,"last_event_timestamp":25,"trading_day":"2013-10-07"}]"""));
        Assert.Empty(watch.Regressions);

        watch.Observe("quote:SPY", Json("""{"symbol":"SPY","accumulated_volume":580,"last_event_timestamp":31,"trading_day":"2013-10-07"}"""));

        Assert.Equal(["quote:SPY: SPY went back from volume 600 at 30 to 580 at 31"], watch.Regressions);
        Assert.Equal((600L, 31L), watch.Newest("SPY"));
    }

    [Fact]
    public void A_new_day_starts_every_symbol_afresh()
    {
        var watch = new RowRegressionWatch();
        watch.Observe("top_volume", Json("""[{"symbol":"SPY","accumulated_volume":500,"last_event_timestamp":20,"trading_day":"2013-10-07"}]"""));
        watch.Observe("top_volume", Json("""[{"symbol":"SPY","accumulated_volume":5,"last_event_timestamp":90,"trading_day":"2013-10-08"}]"""));

        Assert.Empty(watch.Regressions);
        Assert.Equal(2, watch.Rows);
    }

    [Fact]
    public void Clients_read_concurrently_are_each_compared_with_themselves()
    {
        var (older, newer) = (Json("""{"symbol":"SPY","accumulated_volume":500,"last_event_timestamp":20}"""),
            Json("""{"symbol":"SPY","accumulated_volume":600,"last_event_timestamp":37}"""));
        var (first, late, shared) = (new RowRegressionWatch(), new RowRegressionWatch(), new RowRegressionWatch());

        // The late subscriber got the cached value just before the gateway sent both clients the newer one; the test
        // read the first client's socket first (issue 11).
        foreach (var (own, data) in new[] { (first, newer), (late, older), (late, newer) })
        {
            own.Observe("quote:SPY", data);
            shared.Observe("quote:SPY", data);
        }

        Assert.Empty(first.Regressions);
        Assert.Empty(late.Regressions);
        Assert.Equal(["quote:SPY: SPY went back from volume 600 at 37 to 500 at 20"], shared.Regressions);
    }

    [Fact]
    public void A_client_connected_after_others_ended_may_not_go_back_to_before_what_any_of_them_showed()
    {
        var (one, other) = (new RowRegressionWatch(), new RowRegressionWatch());
        one.Observe("top_volume", Json("""[{"symbol":"SPY","accumulated_volume":500,"last_event_timestamp":30,"trading_day":"2013-10-07"}]"""));
        other.Observe("top_volume", Json("""[{"symbol":"SPY","accumulated_volume":600,"last_event_timestamp":20,"trading_day":"2013-10-07"}]"""));

        var reconnected = RowRegressionWatch.After([one, other]);
        reconnected.Observe("top_volume", Json("""[{"symbol":"SPY","accumulated_volume":600,"last_event_timestamp":29,"trading_day":"2013-10-07"}]"""));
        reconnected.Observe("top_volume", Json("""[{"symbol":"SPY","accumulated_volume":700,"last_event_timestamp":40,"trading_day":"2013-10-07"}]"""));

        Assert.Equal(["top_volume: SPY went back from volume 600 at 30 to 600 at 29"], reconnected.Regressions);
        Assert.Equal((700L, 40L), reconnected.Newest("SPY"));
        Assert.Equal(2, reconnected.Rows);
    }
}
