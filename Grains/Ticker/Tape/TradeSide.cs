namespace Scanner.Ticker.Tape;

/// <summary>Where a trade printed against the NBBO at its time (time and sales colours).</summary>
public enum TradeSide
{
    /// <summary>No quote known yet.</summary>
    Unknown,
    /// <summary>At or above the ask: a buyer took the offer.</summary>
    Buy,
    /// <summary>At or below the bid: a seller hit the bid.</summary>
    Sell,
    /// <summary>Strictly between the bid and the ask.</summary>
    Mid,
}
