using Scanner.Simulator.Reference;

namespace Scanner.Simulator.Synthetic;

/// <summary>
/// The synthetic tickers of one seed: names, profiles, and 60 trading days of daily history ending the day before
/// <see cref="Day"/>, so that the previous day, the average volume and the float served over REST are the ones the
/// feed's price paths start from.
/// </summary>
public sealed class SyntheticUniverse : IReferenceData
{
    public const int HistoryDays = 60;

    private readonly Dictionary<string, SyntheticTicker> _bySymbol;

    public SyntheticUniverse(int tickers, int seed, DateOnly day)
    {
        Day = day;
        var names = SymbolNames.Generate(tickers, seed);
        var random = new Random(seed ^ 0x5EED);
        var dates = TradingDaysBefore(day, HistoryDays);
        Tickers = new SyntheticTicker[tickers];
        for (var i = 0; i < tickers; i++)
        {
            Tickers[i] = Create(names[i], random, dates);
        }
        _bySymbol = Tickers.ToDictionary(t => t.Symbol, StringComparer.Ordinal);
        // Activity follows a Zipf-like law; gappers and runners draw extra attention, as on a real morning.
        Weights = new double[tickers];
        var cumulative = 0.0;
        for (var i = 0; i < tickers; i++)
        {
            var boost = Tickers[i].Profile == TickerProfile.Normal ? 1.0 : 8.0;
            cumulative += boost / (i + 10.0);
            Weights[i] = cumulative;
        }
    }

    public DateOnly Day { get; }
    public SyntheticTicker[] Tickers { get; }

    /// <summary>Cumulative activity weights, one per ticker, for weighted picking.</summary>
    public double[] Weights { get; }

    public IReadOnlyList<DailyBar>? DailyBars(string symbol) => _bySymbol.TryGetValue(symbol, out var t) ? t.History : null;

    public long? FreeFloat(string symbol) => _bySymbol.TryGetValue(symbol, out var t) ? t.FreeFloat : null;

    private static SyntheticTicker Create(string symbol, Random random, DateOnly[] dates)
    {
        var roll = random.NextDouble();
        var profile = roll < 0.04 ? TickerProfile.Gapper : roll < 0.06 ? TickerProfile.Runner : TickerProfile.Normal;
        // Prices log-uniform from $0.50 to $500, volumes from 50K to 50M shares a day.
        var price = Math.Round(Math.Exp(Math.Log(0.5) + random.NextDouble() * Math.Log(1000)), 2);
        var baseVolume = Math.Exp(Math.Log(50_000) + random.NextDouble() * Math.Log(1000));
        var dailyVolatility = 0.01 + random.NextDouble() * 0.05;
        var history = new DailyBar[dates.Length];
        for (var d = 0; d < dates.Length; d++)
        {
            var open = Round(price * (1 + Normal(random) * dailyVolatility * 0.3));
            var close = Round(open * Math.Exp(Normal(random) * dailyVolatility));
            var high = Round(Math.Max(open, close) * (1 + random.NextDouble() * dailyVolatility));
            var low = Round(Math.Min(open, close) * (1 - random.NextDouble() * dailyVolatility));
            var volume = (long)(baseVolume * Math.Exp(Normal(random) * 0.4));
            history[d] = new DailyBar(dates[d], open, high, low, close, volume, DailyBar.TypicalPrice(high, low, close));
            price = close;
        }
        var gap = profile switch
        {
            TickerProfile.Gapper => (random.NextDouble() < 0.7 ? 1 : -1) * (0.08 + random.NextDouble() * 0.32),
            _ => Normal(random) * 0.01,
        };
        var sessionSeconds = 6.5 * 3600;
        var drift = profile == TickerProfile.Runner
            ? Math.Log(1.3 + random.NextDouble() * 1.2) / (2 * 3600)
            : Normal(random) * 0.05 / sessionSeconds;
        var volatility = dailyVolatility * (profile == TickerProfile.Normal ? 1 : 2) / Math.Sqrt(sessionSeconds);
        var freeFloat = (long)(baseVolume * (20 + random.NextDouble() * 200));
        return new SyntheticTicker(symbol, history, freeFloat, profile, gap, drift, volatility, 1 + random.Next(3));
    }

    private static DateOnly[] TradingDaysBefore(DateOnly day, int count)
    {
        var dates = new DateOnly[count];
        var date = day;
        for (var i = count - 1; i >= 0; i--)
        {
            do
            {
                date = date.AddDays(-1);
            }
            while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
            dates[i] = date;
        }
        return dates;
    }

    private static double Round(double price) => Math.Max(0.01, Math.Round(price, price < 1 ? 4 : 2));

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
