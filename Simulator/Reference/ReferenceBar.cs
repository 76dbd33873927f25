namespace Scanner.Simulator.Reference;

/// <summary>
/// One day of a symbol's reference data (the history the simulator's REST aggregates serve), a daily bar. Not the
/// grains' <c>Scanner.Hydration.DailyBar</c>, which is a bar of such a REST response as the scanner parses it.
/// <see cref="Vwap"/> is the day's VWAP where known, else the typical price (h+l+c)/3.
/// </summary>
public sealed record ReferenceBar(DateOnly Date, double Open, double High, double Low, double Close, long Volume, double Vwap)
{
    public static double TypicalPrice(double high, double low, double close) => Math.Round((high + low + close) / 3, 4);
}
