namespace Scanner.MarketData;

/// <summary>The event types of the Massive stocks feed (wire name in brackets).</summary>
public enum MarketEventKind : byte
{
    /// <summary>Trade (<c>T</c>).</summary>
    Trade,
    /// <summary>NBBO quote (<c>Q</c>).</summary>
    Quote,
    /// <summary>Per-second aggregate bar (<c>A</c>).</summary>
    SecondAggregate,
    /// <summary>Per-minute aggregate bar (<c>AM</c>).</summary>
    MinuteAggregate,
    /// <summary>Limit-up/limit-down price band (<c>LULD</c>).</summary>
    Luld,
    /// <summary>Net order imbalance (<c>NOI</c>).</summary>
    Imbalance,
    /// <summary>Fair market value (<c>FMV</c>).</summary>
    FairMarketValue,
}
