using System.Text.Json;

namespace Scanner.Tests.Support.Measuring;

/// <summary>
/// Times the alerts new in each publication of one alert list (pure; the pipeline benchmark's measuring core): an
/// alert not in the previous publication is a sample of (time the publication was received) - (its <c>timestamp</c>,
/// the time of the event that raised it). Lists are newest first and capped, so an alert leaving the tail is no
/// change. All times are on the market clock (Unix ms). The first publication only sets the baseline, and publications
/// without a sink only move it (a warm-up).
/// </summary>
public sealed class AlertArrivalDetector
{
    private HashSet<string> _previous = new(StringComparer.Ordinal);
    private HashSet<string> _current = new(StringComparer.Ordinal);
    private bool _hasBaseline;

    public long Publications { get; private set; }
    public long NewAlerts { get; private set; }
    public long MalformedAlerts { get; private set; }

    /// <param name="alerts">The publication's <c>data</c>: an array of alerts.</param>
    /// <param name="publishedMs">When the list was published (the envelope's <c>published_at</c>).</param>
    /// <param name="receivedMs">When the client had the whole message.</param>
    /// <param name="sink">Where samples go; null to only move the baseline.</param>
    public void Apply(JsonElement alerts, long publishedMs, long receivedMs, RowLatencies? sink)
    {
        _current.Clear();
        foreach (var alert in alerts.EnumerateArray())
        {
            if (alert.ValueKind != JsonValueKind.Object
                || !alert.TryGetProperty("timestamp"u8, out var time) || !time.TryGetInt64(out var eventMs))
            {
                MalformedAlerts += sink is null ? 0 : 1;
                continue;
            }
            // An alert's whole text is its identity: two alerts of one symbol differ at least in time or kind.
            var identity = alert.GetRawText();
            _current.Add(identity);
            if (_hasBaseline && sink is not null && !_previous.Contains(identity))
            {
                NewAlerts++;
                sink.Record(eventMs, timedByBar: false, publishedMs, receivedMs);
            }
        }
        (_previous, _current) = (_current, _previous);
        _hasBaseline = true;
        Publications += sink is null ? 0 : 1;
    }
}
