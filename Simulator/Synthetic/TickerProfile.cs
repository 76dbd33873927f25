namespace Scanner.Simulator.Synthetic;

/// <summary>How a synthetic ticker behaves today.</summary>
public enum TickerProfile
{
    /// <summary>Small gap, random walk with a small drift.</summary>
    Normal,
    /// <summary>Opens far from the previous close (mostly up).</summary>
    Gapper,
    /// <summary>Strong upward drift through the session: a big intraday gainer that may hit its LULD band.</summary>
    Runner,
}
