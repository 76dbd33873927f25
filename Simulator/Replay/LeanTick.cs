namespace Scanner.Simulator.Replay;

/// <summary>One trade of a LEAN tick file, its time already in Unix ms UTC and its price in deci-cents (1/10000 $).</summary>
public readonly record struct LeanTick(long UnixMs, long PriceDeciCents, long Size, char Exchange, bool Suspicious)
{
    public double Price => PriceDeciCents / 10_000.0;
}
