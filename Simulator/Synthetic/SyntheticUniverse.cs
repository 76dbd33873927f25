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

    /// <summary>How many times a quiet ticker's activity a gapper, runner, momentum or halting ticker draws.</summary>
    public const double ActiveBoost = 8;

    // The share of trades among the generated events (SyntheticMarket) and the session the volumes are spread over.
    private const double TradeShare = 0.3;
    public const double SessionSeconds = 6.5 * 3600;

    private readonly Dictionary<string, SyntheticTicker> _bySymbol;

    /// <param name="eventsPerSecond">The generator's rate, so that a quiet ticker trades about its average volume a day.</param>
    public SyntheticUniverse(int tickers, int seed, DateOnly day, double eventsPerSecond = 20_000)
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
        // Activity follows a Zipf-like law; gappers, runners and the like draw extra attention, as on a real morning.
        Weights = new double[tickers];
        var quiet = new double[tickers];
        var cumulative = 0.0;
        for (var i = 0; i < tickers; i++)
        {
            quiet[i] = 1.0 / (i + 10.0);
            cumulative += quiet[i] * (Tickers[i].Profile == TickerProfile.Normal ? 1.0 : ActiveBoost);
            Weights[i] = cumulative;
        }
        // Lot sizes such that at its quiet activity a ticker trades its average daily volume over a session: the
        // boosted ones then run several times their usual volume, as the relative volume scanner expects.
        for (var i = 0; i < tickers; i++)
        {
            var tradesPerDay = eventsPerSecond * TradeShare * quiet[i] / cumulative * SessionSeconds;
            Tickers[i].LotSize = Math.Max(1, Tickers[i].AverageVolume / Math.Max(1, tradesPerDay));
        }
    }

    public DateOnly Day { get; }
    public SyntheticTicker[] Tickers { get; }

    /// <summary>Cumulative activity weights, one per ticker, for weighted picking.</summary>
    public double[] Weights { get; }

    public IEnumerable<string> Symbols => _bySymbol.Keys;

    public IReadOnlyList<ReferenceBar>? DailyBars(string symbol) => _bySymbol.TryGetValue(symbol, out var t) ? t.History : null;

    public long? FreeFloat(string symbol) => _bySymbol.TryGetValue(symbol, out var t) ? t.FreeFloat : null;

    private static SyntheticTicker Create(string symbol, Random random, DateOnly[] dates)
    {
        var roll = random.NextDouble();
        var profile = roll < 0.04 ? TickerProfile.Gapper
            : roll < 0.06 ? TickerProfile.Runner
            : roll < 0.09 ? TickerProfile.Momentum
            : roll < 0.11 ? TickerProfile.Halter
            : TickerProfile.Normal;
        // As on the US tape: most names are small caps under $20, some mid caps, a few large caps. The active
        // profiles are small caps between $2 and $20, where day traders (and the page's default filters) look.
        var (price, freeFloat) = profile switch
        {
            TickerProfile.Normal => random.NextDouble() switch
            {
                < 0.6 => (LogUniform(random, 1, 20), LogUniform(random, 5e6, 150e6)),
                < 0.9 => (LogUniform(random, 20, 150), LogUniform(random, 50e6, 1e9)),
                _ => (LogUniform(random, 150, 800), LogUniform(random, 300e6, 10e9)),
            },
            TickerProfile.Runner => (LogUniform(random, 2, 10), LogUniform(random, 1e6, 8e6)),
            _ => (LogUniform(random, 2, 18), LogUniform(random, 5e6, 60e6)),
        };
        price = Round(price);
        // A day's volume turns over 0.3% to 3% of the float (runners' small floats turn over faster).
        var baseVolume = freeFloat * LogUniform(random, 0.003, profile == TickerProfile.Runner ? 0.1 : 0.03);
        var dailyVolatility = 0.01 + random.NextDouble() * 0.05;
        var history = new ReferenceBar[dates.Length];
        for (var d = 0; d < dates.Length; d++)
        {
            var open = Round(price * (1 + Normal(random) * dailyVolatility * 0.3));
            var close = Round(open * Math.Exp(Normal(random) * dailyVolatility));
            var high = Round(Math.Max(open, close) * (1 + random.NextDouble() * dailyVolatility));
            var low = Round(Math.Min(open, close) * (1 - random.NextDouble() * dailyVolatility));
            var volume = (long)(baseVolume * Math.Exp(Normal(random) * 0.4));
            history[d] = new ReferenceBar(dates[d], open, high, low, close, volume, ReferenceBar.TypicalPrice(high, low, close));
            price = close;
        }
        var gap = profile switch
        {
            TickerProfile.Gapper => (random.NextDouble() < 0.7 ? 1 : -1) * (0.08 + random.NextDouble() * 0.32),
            _ => Normal(random) * 0.01,
        };
        var drift = profile == TickerProfile.Runner
            ? Math.Log(1.3 + random.NextDouble() * 1.2) / (2 * 3600)
            : Normal(random) * 0.05 / SessionSeconds;
        var volatility = profile switch
        {
            // About 5% in a few minutes of session time: reaches its LULD band (5% above $3) soon after each resumption.
            TickerProfile.Halter => 0.004,
            TickerProfile.Normal => dailyVolatility / Math.Sqrt(SessionSeconds),
            _ => dailyVolatility * 2 / Math.Sqrt(SessionSeconds),
        };
        return new SyntheticTicker(symbol, history, (long)freeFloat, profile, gap, drift, volatility, 1 + random.Next(3));
    }

    private static double LogUniform(Random random, double low, double high) =>
        Math.Exp(Math.Log(low) + random.NextDouble() * Math.Log(high / low));

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
