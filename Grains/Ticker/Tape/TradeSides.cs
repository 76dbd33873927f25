namespace Scanner.Ticker.Tape;

/// <summary>Classifies a trade against a quote; a side of the quote that is 0 is unknown.</summary>
public static class TradeSides
{
    /// <summary>
    /// At or above a known ask is <see cref="TradeSide.Buy"/> (first, so a locked or crossed quote reads as buying),
    /// at or below a known bid <see cref="TradeSide.Sell"/>, between both <see cref="TradeSide.Mid"/>, else unknown.
    /// </summary>
    public static TradeSide Classify(double price, double bid, double ask) =>
        ask > 0 && price >= ask ? TradeSide.Buy
        : bid > 0 && price <= bid ? TradeSide.Sell
        : ask > 0 && bid > 0 ? TradeSide.Mid
        : TradeSide.Unknown;
}
