namespace Scanner.Simulator.Synthetic;

/// <summary>How a synthetic ticker behaves today.</summary>
public enum TickerProfile
{
    /// <summary>Quiet: small gap, random walk with a small drift, normal volume.</summary>
    Normal,
    /// <summary>Opens far from the previous close (mostly up) on heavy volume from the pre-market on.</summary>
    Gapper,
    /// <summary>A low-float small cap with a strong upward drift through the session: a big intraday gainer.</summary>
    Runner,
    /// <summary>Quiet between momentum bursts: every several minutes, two minutes of a steep rise on heavy volume.</summary>
    Momentum,
    /// <summary>So volatile that it keeps reaching its LULD band: halted, resumed five minutes later, and again.</summary>
    Halter,
}
