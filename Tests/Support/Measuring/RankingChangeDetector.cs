using System.Runtime.InteropServices;
using System.Text.Json;

namespace Scanner.Tests.Support.Measuring;

/// <summary>
/// Compares consecutive publications of one ranking feed, or of one symbol's <c>quote:{SYM}</c> (a list of one row)
/// (pure; the pipeline benchmark's measuring core). A row
/// changed when any field but its rank differs from the same symbol's row in the previous publication; a changed row
/// is a latency sample when its <c>last_event_timestamp</c> moved forward, since a change without a newer event
/// (reference data arriving, a late bar) has no event to time it by. Rows new to the list are counted, not timed.
/// All times are on the market clock (Unix ms). The first publication only sets the baseline; counts and samples are
/// kept only for publications given a sink, so a warm-up can keep the baseline current without being measured.
/// </summary>
public sealed class RankingChangeDetector
{
    private Dictionary<string, RowVersion> _previous = new(StringComparer.Ordinal);
    private Dictionary<string, RowVersion> _current = new(StringComparer.Ordinal);
    private bool _hasBaseline;

    public long Publications { get; private set; }
    public long ChangedRows { get; private set; }
    public long SampledRows { get; private set; }
    public long ChangedWithoutNewerEvent { get; private set; }
    public long EnteredRows { get; private set; }
    public long MalformedRows { get; private set; }

    /// <param name="rows">The publication's <c>data</c>: an array of rows, or one row.</param>
    /// <param name="publishedMs">When the feed was published (the envelope's <c>published_at</c>).</param>
    /// <param name="receivedMs">When the client had the whole message.</param>
    /// <param name="sink">Where samples go; null to only move the baseline.</param>
    public void Apply(JsonElement rows, long publishedMs, long receivedMs, RowLatencies? sink)
    {
        _current.Clear();
        IEnumerable<JsonElement> list = rows.ValueKind == JsonValueKind.Object ? [rows] : rows.EnumerateArray();
        foreach (var row in list)
        {
            if (!TryRead(row, out var symbol, out var version))
            {
                MalformedRows += sink is null ? 0 : 1;
                continue;
            }
            _current[symbol] = version;
            if (!_hasBaseline || sink is null)
            {
                continue;
            }
            if (!_previous.TryGetValue(symbol, out var before))
            {
                EnteredRows++;
                continue;
            }
            if (before.Fingerprint == version.Fingerprint)
            {
                continue;
            }
            ChangedRows++;
            if (version.LastEvent <= before.LastEvent)
            {
                ChangedWithoutNewerEvent++;
                continue;
            }
            SampledRows++;
            sink.Record(version.LastEvent, version.TimedByBar, publishedMs, receivedMs);
        }
        (_previous, _current) = (_current, _previous);
        _hasBaseline = true;
        Publications += sink is null ? 0 : 1;
    }

    private static bool TryRead(JsonElement row, out string symbol, out RowVersion version)
    {
        symbol = "";
        version = default;
        if (row.ValueKind != JsonValueKind.Object
            || !row.TryGetProperty("symbol"u8, out var name) || name.ValueKind != JsonValueKind.String
            || !row.TryGetProperty("last_event_timestamp"u8, out var last) || !last.TryGetInt64(out var lastEvent)
            || !row.TryGetProperty("end_timestamp"u8, out var end) || !end.TryGetInt64(out var barEnd))
        {
            return false;
        }
        var fingerprint = new HashCode();
        foreach (var field in row.EnumerateObject())
        {
            if (!field.NameEquals("rank"u8))
            {
                fingerprint.AddBytes(JsonMarshal.GetRawUtf8Value(field.Value));
            }
        }
        symbol = name.GetString()!;
        version = new RowVersion(fingerprint.ToHashCode(), lastEvent, lastEvent == barEnd);
        return true;
    }

    /// <summary>What identifies one state of a row: a hash of its values, and the time of its newest event.</summary>
    private readonly record struct RowVersion(int Fingerprint, long LastEvent, bool TimedByBar);
}
