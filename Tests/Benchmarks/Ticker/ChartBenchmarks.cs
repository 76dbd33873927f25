using BenchmarkDotNet.Attributes;
using Scanner.Calendar;
using Scanner.MarketData;
using Scanner.Scanners;
using Scanner.Ticker;
using Scanner.Ticker.Chart;

namespace Scanner.Benchmarks.Ticker;

/// <summary>
/// What <c>chart:{SYM}</c> costs: a trade applied to a ticker's day (the candle included, which every symbol pays,
/// watched or not), the candle step alone, and serialising a full day's chart (which only watched symbols pay, at
/// most once a second). Times are per trade, or per chart value.
/// Run: <c>dotnet run -c Release --project Tests/Benchmarks -- --filter '*ChartBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class ChartBenchmarks
{
    private const int TradeCount = 100_000;
    private static readonly DateOnly Day = new(2013, 10, 7);
    private readonly List<ScannerAlert> _alerts = [];
    private Trade[] _trades = [];
    private TradingDayBounds _bounds;
    private TickerDayState _fullDay = null!;

    [GlobalSetup]
    public void GenerateTrades()
    {
        _bounds = TradingCalendar.BoundsOf(Day);
        var random = new Random(42);
        var price = 48.80;
        // A busy symbol: 100,000 trades spread over the whole day.
        var step = (_bounds.AfterHoursEnd - _bounds.Start) / TradeCount;
        _trades = [.. Enumerable.Range(0, TradeCount).Select(i =>
        {
            price = Math.Round(price + ((random.Next(21) - 10) / 100.0), 2);
            var time = _bounds.Start + (i * step);
            return new Trade("AIG", time, time, 4, new TradeId((ulong)i + 1, null), 1, price, 100, ConditionCodes.Empty, i + 1, 0, 0);
        })];
        _fullDay = new TickerDayState { Symbol = "AIG", Day = TradingCalendar.ToNumber(Day) };
        foreach (var trade in _trades)
        {
            CandleBuilder.Apply(_fullDay.Candles, _bounds, trade);
        }
    }

    [Benchmark(OperationsPerInvoke = TradeCount)]
    public long TickerDayApplyTrade()
    {
        var day = new TickerDay("AIG", new MomentumOptions());
        foreach (var trade in _trades)
        {
            day.Apply(trade, _alerts);
        }
        return day.State.TradeCount;
    }

    [Benchmark(OperationsPerInvoke = TradeCount)]
    public int CandleBuilderApply()
    {
        var candles = new List<MinuteCandle>();
        foreach (var trade in _trades)
        {
            CandleBuilder.Apply(candles, _bounds, trade);
        }
        return candles.Count;
    }

    [Benchmark]
    public int FullDayChartJson() => ChartJson.ToObject(_fullDay, _bounds).Length;
}
