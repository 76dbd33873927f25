namespace Scanner.Simulator.Replay;

/// <summary>
/// One row of a LEAN quote tick file, its time in Unix ms UTC and its prices in deci-cents (1/10000 $). A side whose
/// price is 0 is not updated by this row (the row changes only the other side).
/// </summary>
public readonly record struct LeanQuote(long UnixMs, long BidDeciCents, long BidSize, long AskDeciCents, long AskSize, char Exchange, bool Suspicious)
{
    public bool UpdatesBid => BidDeciCents > 0;
    public bool UpdatesAsk => AskDeciCents > 0;
}
