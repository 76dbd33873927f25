namespace Scanner.Ticker;

/// <summary>The high and low of one session (0 when the session has no bar yet).</summary>
[GenerateSerializer, Immutable, Alias("scanner.ticker.range")]
public readonly record struct SessionRange(double High, double Low)
{
    public bool IsEmpty => High == 0 && Low == 0;
}
