namespace Scanner.Ticker;

/// <summary>
/// The LULD indicator codes that change a symbol's halt state. Massive's LULD documentation names indicators 17
/// and 18 as the halt and resumption messages (sent for Nasdaq-listed securities only); every other indicator
/// (band updates such as the 21 of the published example) only moves the band.
/// </summary>
public static class LuldIndicators
{
    public const int Halt = 17;
    public const int Resume = 18;
}
