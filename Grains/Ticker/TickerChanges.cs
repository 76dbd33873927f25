namespace Scanner.Ticker;

/// <summary>What an event changed in a <see cref="TickerDay"/>, so the grain republishes only what moved.</summary>
[Flags]
public enum TickerChanges
{
    None = 0,
    /// <summary>A field of the scanner row (and so <c>quote:{SYM}</c>).</summary>
    Row = 1,
    /// <summary>A session high or low (<c>daily_range:{SYM}</c>).</summary>
    Range = 2,
    /// <summary>Only state that is not part of the row (bid/ask, LULD band, FMV).</summary>
    Other = 4,
    /// <summary>The event started a new trading day: everything was reset first.</summary>
    NewDay = 8,
    /// <summary>A minute candle or a halt period (<c>chart:{SYM}</c>).</summary>
    Chart = 16,
}
