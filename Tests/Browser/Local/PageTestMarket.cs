using System.Text.Json.Nodes;

namespace Scanner.Tests.Browser.Local;

/// <summary>
/// A few hundred made-up symbols whose prices drift on every tick, ranked into the scanner feeds the
/// page subscribes to, plus alert lists and per-symbol quote and daily-range feeds. Seeded, so every
/// run sees the same spread: rows in every colour tier, rows that pass and rows that fail the
/// default filters, gainers and losers. The first <see cref="ChartedSymbols"/> also have chart and trades feeds.
/// </summary>
internal sealed class PageTestMarket
{
    private const int MaxAlerts = 100;
    private static readonly string[] Sessions = ["pre_market", "regular", "after_hours"];

    private readonly Random _random = new(20240607);
    /// <summary>The first symbols also have a chart and time and sales (<see cref="SymbolTape"/>).</summary>
    public const int ChartedSymbols = 12;

    private readonly Symbol[] _symbols;
    private readonly SymbolTape[] _tapes;
    private readonly List<JsonObject> _hod = [], _lod = [], _halts = [], _momentum = [];
    private readonly object _gate = new();
    private Dictionary<string, string> _feeds = new(StringComparer.Ordinal);
    private long _tick;

    public PageTestMarket(int symbolCount = 300)
    {
        _symbols = Enumerable.Range(0, symbolCount).Select(CreateSymbol).ToArray();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _tapes = _symbols.Take(ChartedSymbols).Select((s, i) => new SymbolTape(s.Name, s.PrevClose, s.Close, now, i)).ToArray();
        Publish();
    }

    public IReadOnlyList<string> Symbols => _symbols.Select(s => s.Name).ToArray();

    /// <summary>Every feed's current JSON, as of the last tick (a snapshot: a tick replaces it whole).</summary>
    public IReadOnlyDictionary<string, string> Feeds
    {
        get { lock (_gate) return _feeds; }
    }

    /// <summary>Moves a fifth of the symbols, appends alerts, and recomputes every feed.</summary>
    public void Tick()
    {
        lock (_gate)
        {
            _tick++;
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var s in _symbols)
            {
                if (_random.NextDouble() > 0.2) continue;
                s.Close = Math.Max(0.05, Math.Round(s.Close * (1 + (_random.NextDouble() - 0.5) * 0.01), 4));
                s.Volume = _random.Next(1_000, 50_000);
                s.AccumulatedVolume += s.Volume;
                s.EndTimestamp = now;
                if (s.Close > s.High) { s.High = s.Close; AddAlert(_hod, s, "up", s.High, now); }
                if (s.Close < s.Low) { s.Low = s.Close; AddAlert(_lod, s, "down", s.Low, now); }
            }
            // The charted symbols trade on every tick, so their charts and time and sales always move.
            for (var i = 0; i < _tapes.Length; i++)
            {
                var s = _symbols[i];
                s.Close = Math.Round(s.Close * (1 + (_random.NextDouble() - 0.5) * 0.004), 4);
                _tapes[i].Trade(s.Close, 100 * _random.Next(1, 30), now);
            }
            if (_tick % 10 == 0) AddHalt(now);
            if (_tick % 3 == 0) AddMomentum(now);
            Publish();
        }
    }

    private void Publish()
    {
        var feeds = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["scanners:top_gainers"] = Ranked(s => s.PctChangeSinceOpen, descending: true),
            ["scanners:top_gappers"] = Ranked(s => s.PctChange, descending: true),
            ["scanners:top_volume"] = Ranked(s => s.AccumulatedVolume, descending: true),
            ["scanners:top_losers"] = Ranked(s => s.PctChange, descending: false),
            ["scanners:top_relative_volume"] = Ranked(s => s.RelativeVolume, descending: true),
            ["daily_range_hod_alert"] = new JsonArray(_hod.Select(a => (JsonNode)a.DeepClone()).ToArray()).ToJsonString(),
            ["daily_range_lod_alert"] = new JsonArray(_lod.Select(a => (JsonNode)a.DeepClone()).ToArray()).ToJsonString(),
            ["scanners:halts"] = new JsonArray(_halts.Select(a => (JsonNode)a.DeepClone()).ToArray()).ToJsonString(),
            ["scanners:momentum"] = new JsonArray(_momentum.Select(a => (JsonNode)a.DeepClone()).ToArray()).ToJsonString(),
        };
        foreach (var s in _symbols)
        {
            feeds[$"quote:{s.Name}"] = s.ToQuote().ToJsonString();
            feeds[$"daily_range:{s.Name}"] = s.ToDailyRange().ToJsonString();
        }
        foreach (var tape in _tapes)
        {
            feeds[$"chart:{tape.Symbol}"] = tape.ChartJson();
            feeds[$"trades:{tape.Symbol}"] = tape.TradesJson();
        }
        _feeds = feeds;
    }

    private string Ranked(Func<Symbol, double> key, bool descending)
    {
        var ordered = descending ? _symbols.OrderByDescending(key) : _symbols.OrderBy(key);
        return new JsonArray(ordered.Take(500).Select((s, i) => (JsonNode)s.ToRow(i + 1)).ToArray()).ToJsonString();
    }

    private void AddAlert(List<JsonObject> list, Symbol s, string direction, double price, long now)
    {
        var session = Sessions[_tick % 7 == 0 ? 0 : 1];
        var kind = direction == "up" ? "high" : "low";
        list.Insert(0, new JsonObject
        {
            ["symbol"] = s.Name, ["session"] = session, ["direction"] = direction, ["price"] = price,
            ["previous"] = Math.Round(direction == "up" ? price * 0.99 : price * 1.01, 4), ["timestamp"] = now,
            ["note"] = $"Broke {session.Replace('_', '-')} {kind} of ${price:F2}",
        }.WithContextOf(s));
        if (list.Count > MaxAlerts) list.RemoveAt(list.Count - 1);
    }

    private void AddHalt(long now)
    {
        var s = _symbols[_random.Next(_symbols.Length)];
        _halts.Insert(0, new JsonObject
        {
            ["symbol"] = s.Name, ["status"] = _halts.Count % 2 == 0 ? "halted" : "resumed", ["price"] = s.Close,
            ["timestamp"] = now, ["reason"] = "LULD pause", ["halt_code"] = "LUDP",   // halt_code: a field the page does not know
        }.WithContextOf(s));
        if (_halts.Count > MaxAlerts) _halts.RemoveAt(_halts.Count - 1);
    }

    private void AddMomentum(long now)
    {
        var s = _symbols[_random.Next(_symbols.Length)];
        _momentum.Insert(0, new JsonObject
        {
            ["symbol"] = s.Name, ["direction"] = "up", ["price"] = s.Close, ["pct_change"] = Math.Round(5 + _random.NextDouble() * 20, 2),
            ["window_minutes"] = 5, ["timestamp"] = now,
        }.WithContextOf(s));
        if (_momentum.Count > MaxAlerts) _momentum.RemoveAt(_momentum.Count - 1);
    }

    private Symbol CreateSymbol(int index)
    {
        var name = index < 26 * 26
            ? $"{(char)('A' + index / 26 % 26)}{(char)('A' + index % 26)}{(char)('A' + _random.Next(26))}"
            : $"S{index}";
        // Gaps from -60% to +160%: the first few symbols pin one row in each colour tier.
        double gap = index switch
        {
            0 => 12, 1 => 25, 2 => 60, 3 => 130, 4 => -15, 5 => -55,
            _ => _random.NextDouble() < 0.25 ? -_random.NextDouble() * 60 : _random.NextDouble() * 160,
        };
        var prevClose = Math.Round(1 + _random.NextDouble() * 30, 2);
        var close = Math.Round(prevClose * (1 + gap / 100), 4);
        var open = Math.Round(prevClose * (1 + gap / 100 * _random.NextDouble()), 4);
        var avgVolume = _random.Next(50_000, 5_000_000);
        var accumulated = (long)(avgVolume * (0.2 + _random.NextDouble() * 15));
        return new Symbol
        {
            Name = name, PrevClose = prevClose, Open = open, Close = close,
            High = Math.Max(open, close) * 1.01, Low = Math.Min(open, close) * 0.99,
            AvgVolume = avgVolume, AccumulatedVolume = accumulated, Volume = 10_000,
            FreeFloat = _random.Next(1_000_000, 200_000_000),
            EndTimestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
    }

    internal sealed class Symbol
    {
        public required string Name { get; init; }
        public double PrevClose { get; init; }
        public double Open { get; init; }
        public double Close { get; set; }
        public double High { get; set; }
        public double Low { get; set; }
        public long AvgVolume { get; init; }
        public long AccumulatedVolume { get; set; }
        public long Volume { get; set; }
        public long FreeFloat { get; init; }
        public long EndTimestamp { get; set; }

        public double RelativeVolume => AvgVolume == 0 ? 0 : (double)AccumulatedVolume / AvgVolume;
        public double Change => Close - PrevClose;
        public double PctChange => Change / PrevClose * 100;
        public double PctChangeSinceOpen => (Close - Open) / Open * 100;

        /// <summary>The row as quote:{SYM} carries it: no rank, with the NBBO a cent either side of the last price.</summary>
        public JsonObject ToQuote()
        {
            var quote = ToRow(0);
            quote.Remove("rank");
            quote["bid_price"] = Math.Round(Close - 0.01, 2);
            quote["bid_size"] = 300;
            quote["ask_price"] = Math.Round(Close + 0.01, 2);
            quote["ask_size"] = 200;
            quote["spread"] = 0.02;
            return quote;
        }

        public JsonObject ToRow(int rank) => new()
        {
            ["rank"] = rank, ["symbol"] = Name, ["volume"] = Volume, ["free_float"] = FreeFloat,
            ["accumulated_volume"] = AccumulatedVolume, ["relative_volume"] = Math.Round(RelativeVolume, 4),
            ["official_open_price"] = Open, ["vwap"] = Close, ["open"] = Open,
            ["close"] = Close, ["high"] = Math.Round(High, 4), ["low"] = Math.Round(Low, 4),
            ["aggregate_vwap"] = Math.Round((Open + Close) / 2, 4), ["average_size"] = 180, ["avg_volume"] = AvgVolume,
            ["prev_day_close"] = PrevClose, ["prev_day_open"] = PrevClose, ["prev_day_high"] = PrevClose * 1.02,
            ["prev_day_low"] = PrevClose * 0.98, ["prev_day_volume"] = AvgVolume, ["prev_day_vwap"] = PrevClose,
            ["change"] = Math.Round(Change, 4), ["pct_change"] = Math.Round(PctChange, 4),
            ["change_since_open"] = Math.Round(Close - Open, 4), ["pct_change_since_open"] = Math.Round(PctChangeSinceOpen, 4),
            ["start_timestamp"] = EndTimestamp - 1000, ["end_timestamp"] = EndTimestamp, ["last_event_timestamp"] = EndTimestamp - 400,
        };

        public JsonObject ToDailyRange() => new()
        {
            ["symbol"] = Name,
            ["pre_market_high"] = Math.Round(PrevClose * 1.05, 2), ["pre_market_low"] = Math.Round(PrevClose * 0.97, 2),
            ["regular_high"] = Math.Round(High, 4), ["regular_low"] = Math.Round(Low, 4),
        };
    }
}

/// <summary>The context every alert ends with, as the grains write it (docs/contracts/scanners.md, "Alert lists").</summary>
internal static class AlertContextJson
{
    public static JsonObject WithContextOf(this JsonObject alert, PageTestMarket.Symbol s)
    {
        alert["day_pct_change"] = Math.Round(s.PctChange, 4);
        alert["relative_volume"] = Math.Round(s.RelativeVolume, 4);
        alert["free_float"] = s.FreeFloat;
        alert["volume"] = s.AccumulatedVolume;
        return alert;
    }
}
