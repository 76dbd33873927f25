using Scanner.MarketData;

namespace Scanner.Simulator.Replay;

/// <summary>
/// Builds one symbol's second (<c>A</c>) and minute (<c>AM</c>) aggregates from its trades, as Massive does:
/// <c>v o h l c</c> and <c>vw</c> (window VWAP) and <c>z</c> (average trade size) over the window, <c>av</c> the
/// day's volume and <c>a</c> the day's VWAP up to the end of the window, <c>op</c> the first trade at or after the
/// regular open (absent before). A bar is closed by the first trade at or after its end, or by <see cref="Flush"/>.
/// Trades must come in time order.
/// </summary>
public sealed class AggregateBuilder(string symbol, long regularOpenUnixMs)
{
    private readonly Window _second = new(1_000);
    private readonly Window _minute = new(60_000);
    private long _dayVolume;
    private double _dayPriceVolume;
    private double? _officialOpen;

    public long DayVolume => _dayVolume;
    public double? OfficialOpen => _officialOpen;

    /// <summary>Adds a trade; the bars it closes are appended to <paramref name="closed"/> (second before minute).</summary>
    public void Add(long unixMs, double price, long size, List<Aggregate> closed)
    {
        CloseBefore(unixMs, closed);
        _dayVolume += size;
        _dayPriceVolume += price * size;
        if (_officialOpen is null && unixMs >= regularOpenUnixMs)
        {
            _officialOpen = price;
        }
        _second.Add(unixMs, price, size);
        _minute.Add(unixMs, price, size);
    }

    /// <summary>Closes the bars still open (end of data).</summary>
    public void Flush(List<Aggregate> closed) => CloseBefore(long.MaxValue, closed);

    private void CloseBefore(long unixMs, List<Aggregate> closed)
    {
        if (_second.IsOpen && unixMs >= _second.End)
        {
            closed.Add(Close(_second, isMinute: false));
        }
        if (_minute.IsOpen && unixMs >= _minute.End)
        {
            closed.Add(Close(_minute, isMinute: true));
        }
    }

    private Aggregate Close(Window w, bool isMinute)
    {
        var bar = new Aggregate(
            symbol,
            Timestamp: w.End,
            RawTimestamp: w.End,
            IsMinute: isMinute,
            Volume: w.Volume,
            AccumulatedVolume: _dayVolume,
            OfficialOpen: _officialOpen,
            Vwap: Math.Round(w.PriceVolume / w.Volume, 4),
            Open: w.Open,
            High: w.High,
            Low: w.Low,
            Close: w.Close,
            DayVwap: Math.Round(_dayPriceVolume / _dayVolume, 4),
            AverageTradeSize: Math.Round((double)w.Volume / w.Trades),
            Start: w.Start,
            End: w.End,
            IsOtc: false,
            PreciseVolume: null,
            PreciseAccumulatedVolume: null);
        w.IsOpen = false;
        return bar;
    }

    private sealed class Window(long length)
    {
        public bool IsOpen;
        public long Start;
        public long End;
        public double Open;
        public double High;
        public double Low;
        public double Close;
        public long Volume;
        public double PriceVolume;
        public int Trades;

        public void Add(long unixMs, double price, long size)
        {
            if (!IsOpen)
            {
                IsOpen = true;
                Start = unixMs - (unixMs % length);
                End = Start + length;
                Open = High = Low = price;
                Volume = 0;
                PriceVolume = 0;
                Trades = 0;
            }
            High = Math.Max(High, price);
            Low = Math.Min(Low, price);
            Close = price;
            Volume += size;
            PriceVolume += price * size;
            Trades++;
        }
    }
}
