using System.Text.Json;

namespace Scanner.Tests.Support.Measuring;

/// <summary>
/// What one client saw of each symbol in every ranking and quote feed (pure): the newest <c>accumulated_volume</c> and
/// <c>last_event_timestamp</c> of each feed, symbol and day, and every row that went back to older figures than its
/// feed had already shown of the symbol (a regression a trader would see). Feeds are compared only with themselves:
/// a ranking, paced and merged from shards, may lag the symbol's quote without going back. One watch per connected
/// client: clients read concurrently are not ordered with each other (a client handed the cached value can be read
/// after another client's newer update), so a watch shared by them reports rows that went back on no screen.
/// Thread-safe.
/// </summary>
public sealed class RowRegressionWatch
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Feed, string Symbol, string Day), (long Volume, long LastEvent)> _newest = [];
    private readonly List<string> _regressions = [];

    /// <summary>
    /// A watch for a client that connects after the connections of <paramref name="earlier"/> ended (a page reconnecting
    /// to a restarted gateway): it starts from the newest figures any of them showed, none of which it may go back to.
    /// </summary>
    public static RowRegressionWatch After(IEnumerable<RowRegressionWatch> earlier)
    {
        var watch = new RowRegressionWatch();
        foreach (var before in earlier)
        {
            lock (before._lock)
            {
                foreach (var (key, (volume, lastEvent)) in before._newest)
                {
                    var shown = watch._newest.GetValueOrDefault(key);
                    watch._newest[key] = (Math.Max(volume, shown.Volume), Math.Max(lastEvent, shown.LastEvent));
                }
            }
        }
        return watch;
    }

    public IReadOnlyList<string> Regressions
    {
        get { lock (_lock) return [.. _regressions]; }
    }

    /// <summary>Rows seen.</summary>
    public long Rows { get; private set; }

    /// <summary>The newest figures shown for <paramref name="symbol"/> (any feed, any day), zero before any.</summary>
    public (long Volume, long LastEvent) Newest(string symbol)
    {
        lock (_lock)
        {
            return _newest.Where(e => e.Key.Symbol == symbol).Select(e => e.Value).DefaultIfEmpty().Max();
        }
    }

    /// <summary>The newest event time any row showed.</summary>
    public long NewestEvent
    {
        get { lock (_lock) return _newest.Values.Select(v => v.LastEvent).DefaultIfEmpty().Max(); }
    }

    /// <summary>Takes one publication's <c>data</c>: a ranking (array of rows) or a quote (one row).</summary>
    public void Observe(string feed, JsonElement data)
    {
        if (data.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in data.EnumerateArray())
            {
                ObserveRow(feed, row);
            }
        }
        else if (data.ValueKind == JsonValueKind.Object)
        {
            ObserveRow(feed, data);
        }
    }

    private void ObserveRow(string feed, JsonElement row)
    {
        if (!row.TryGetProperty("symbol", out var s) || !row.TryGetProperty("accumulated_volume", out var v)
            || !row.TryGetProperty("last_event_timestamp", out var t))
        {
            return;
        }
        var symbol = s.GetString() ?? "";
        var day = row.TryGetProperty("trading_day", out var d) ? d.ToString() : "";
        var (volume, lastEvent) = (v.GetInt64(), t.GetInt64());
        lock (_lock)
        {
            Rows++;
            if (_newest.TryGetValue((feed, symbol, day), out var shown) && (volume < shown.Volume || lastEvent < shown.LastEvent))
            {
                _regressions.Add($"{feed}: {symbol} went back from volume {shown.Volume} at {shown.LastEvent} to {volume} at {lastEvent}");
            }
            _newest[(feed, symbol, day)] = (Math.Max(volume, shown.Volume), Math.Max(lastEvent, shown.LastEvent));
        }
    }
}
