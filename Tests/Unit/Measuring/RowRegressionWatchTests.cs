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
}
