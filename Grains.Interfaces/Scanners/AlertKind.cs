namespace Scanner.Scanners;

/// <summary>What a <see cref="ScannerAlert"/> reports, which also decides its alert feed.</summary>
public enum AlertKind : byte
{
    /// <summary>A new session high (<c>daily_range_hod_alert</c>).</summary>
    NewHigh,
    /// <summary>A new session low (<c>daily_range_lod_alert</c>).</summary>
    NewLow,
    /// <summary>A LULD trading halt (<c>scanners:halts</c>).</summary>
    Halt,
    /// <summary>A resume after a halt (<c>scanners:halts</c>).</summary>
    Resume,
    /// <summary>A fast move on heavy volume (<c>scanners:momentum</c>).</summary>
    Momentum,
}
