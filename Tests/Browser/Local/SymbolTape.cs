using System.Text.Json.Nodes;

namespace Scanner.Tests.Browser.Local;

/// <summary>
/// One charted symbol of the <see cref="PageTestMarket"/>: its trades and the one-minute bars built from them, as the
/// <c>chart:{SYM}</c> and <c>trades:{SYM}</c> feeds carry them (docs/contracts/client-protocol.md). It starts with
/// <see cref="HistoryMinutes"/> minutes of history, one of them inside a finished halt, so a chart opened at any time
/// has a day to fill with.
/// </summary>
internal sealed class SymbolTape
{
    public const int HistoryMinutes = 30;
    private const int MaxTrades = 100;
    private static readonly int[] Venues = [4, 10, 11, 12, 19];
    private static readonly string?[] Sides = ["buy", "sell", "mid", null];

    private readonly List<Bar> _bars = [];
    private readonly LinkedList<JsonObject> _trades = new();
    private readonly Random _random;
    private readonly double _prevClose;
    private readonly long _haltStart, _haltEnd;
    private double _value, _volume;

    public SymbolTape(string symbol, double prevClose, double price, long now, int seed)
    {
        Symbol = symbol;
        _prevClose = prevClose;
        _random = new Random(seed);
        var first = Minute(now) - HistoryMinutes * 60_000L;
        for (var i = 0; i < HistoryMinutes; i++)
        {
            var drift = price * (1 + (_random.NextDouble() - 0.5) * 0.02);
            for (var k = 0; k < 4; k++) Trade(Math.Round(drift * (1 + (_random.NextDouble() - 0.5) * 0.004), 4), 100 * _random.Next(1, 20), first + i * 60_000L + k * 10_000);
        }
        _haltStart = first + 10 * 60_000L + 15_000;
        _haltEnd = _haltStart + 3 * 60_000L;
    }

    public string Symbol { get; }

    /// <summary>Adds a trade at <paramref name="now"/> (ms): it extends the minute's bar or opens the next.</summary>
    public void Trade(double price, long size, long now)
    {
        var start = Minute(now);
        if (_bars.Count == 0 || _bars[^1].Start != start) _bars.Add(new Bar(start, price));
        var bar = _bars[^1];
        bar.High = Math.Max(bar.High, price);
        bar.Low = Math.Min(bar.Low, price);
        bar.Close = price;
        bar.Volume += size;
        _value += price * size;
        _volume += size;
        bar.Vwap = Math.Round(_value / _volume, 4);
        _trades.AddFirst(new JsonObject
        {
            ["t"] = now, ["p"] = price, ["s"] = size, ["x"] = Venues[_random.Next(Venues.Length)],
            ["c"] = new JsonArray(_random.NextDouble() < 0.3 ? [JsonValue.Create(14), JsonValue.Create(37)] : []),
            ["side"] = Sides[_random.Next(Sides.Length)],
        });
        if (_trades.Count > MaxTrades) _trades.RemoveLast();
    }

    public string ChartJson() => new JsonObject
    {
        ["symbol"] = Symbol, ["trading_day"] = 20240607, ["prev_close"] = _prevClose,
        ["pre_market_high"] = Math.Round(_prevClose * 1.05, 2), ["pre_market_low"] = Math.Round(_prevClose * 0.97, 2),
        ["high"] = _bars.Max(b => b.High), ["low"] = _bars.Min(b => b.Low),
        ["bars"] = new JsonArray(_bars.Select(b => (JsonNode)new JsonObject
        {
            ["t"] = b.Start, ["o"] = b.Open, ["h"] = b.High, ["l"] = b.Low, ["c"] = b.Close, ["v"] = b.Volume, ["vw"] = b.Vwap,
        }).ToArray()),
        ["halts"] = new JsonArray(new JsonObject { ["start"] = _haltStart, ["end"] = _haltEnd, ["reason"] = "LULD pause" }),
    }.ToJsonString();

    public string TradesJson() => new JsonObject
    {
        ["symbol"] = Symbol, ["trades"] = new JsonArray(_trades.Select(t => (JsonNode)t.DeepClone()).ToArray()),
    }.ToJsonString();

    private static long Minute(long ms) => ms - ms % 60_000;

    private sealed class Bar(long start, double open)
    {
        public long Start { get; } = start;
        public double Open { get; } = open;
        public double High { get; set; } = open;
        public double Low { get; set; } = open;
        public double Close { get; set; } = open;
        public long Volume { get; set; }
        public double Vwap { get; set; }
    }
}
