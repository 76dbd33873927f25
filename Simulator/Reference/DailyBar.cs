namespace Scanner.Simulator.Reference;

/// <summary>One daily bar. <see cref="Vwap"/> is the day's VWAP where known, else the typical price (h+l+c)/3.</summary>
public sealed record DailyBar(DateOnly Date, double Open, double High, double Low, double Close, long Volume, double Vwap)
{
    public static double TypicalPrice(double high, double low, double close) => Math.Round((high + low + close) / 3, 4);
}
