using Scanner.Tests.Support.Measuring;
using System.Text.Json;

namespace Scanner.Tests.Unit.Measuring;

public class AlertArrivalDetectorTests
{
    private readonly AlertArrivalDetector _detector = new();
    private readonly RowLatencies _latencies = new();

    private static string Alert(string symbol, long timestamp, double price = 5.0) =>
        $$"""{"symbol":"{{symbol}}","status":"halted","price":{{price}},"timestamp":{{timestamp}},"note":"n"}""";

    private void Publish(long published, long received, bool measured, params string[] alerts)
    {
        using var json = JsonDocument.Parse("[" + string.Join(",", alerts) + "]");
        _detector.Apply(json.RootElement, published, received, measured ? _latencies : null);
    }

    [Fact]
    public void An_alert_new_in_a_publication_is_timed_from_its_event_to_publish_and_to_receipt()
    {
        Publish(900, 950, true, Alert("A", 800));
        Publish(1900, 1960, true, Alert("B", 1700), Alert("A", 800));

        Assert.Equal(1, _detector.NewAlerts);
        Assert.Equal(1, _latencies.EventToClient.Count);
        Assert.Equal(260, _latencies.EventToClient.Max);
        Assert.Equal(200, _latencies.EventToPublish.Max);
        Assert.Equal(2, _detector.Publications);
    }

    [Fact]
    public void The_first_publication_is_only_the_baseline_and_an_alert_leaving_the_tail_is_no_sample()
    {
        Publish(900, 950, true, Alert("A", 800), Alert("B", 700));
        Publish(1900, 1950, true, Alert("A", 800));
        Assert.Equal(0, _detector.NewAlerts);
        Assert.Equal(0, _latencies.EventToClient.Count);
    }

    [Fact]
    public void A_second_alert_of_a_symbol_is_new_and_publications_without_a_sink_count_nothing()
    {
        Publish(900, 950, false, Alert("A", 800));
        Publish(1900, 1950, false, Alert("A", 1800, price: 6.0), Alert("A", 800));
        Publish(2900, 2950, true, Alert("A", 2800, price: 7.0), Alert("A", 1800, price: 6.0), Alert("A", 800));
        Assert.Equal(1, _detector.NewAlerts);
        Assert.Equal(150, _latencies.EventToClient.Max);
        Assert.Equal(1, _detector.Publications);
    }

    [Fact]
    public void An_alert_without_a_timestamp_is_counted_malformed()
    {
        Publish(900, 950, true, """{"symbol":"A"}""");
        Assert.Equal(1, _detector.MalformedAlerts);
    }
}
