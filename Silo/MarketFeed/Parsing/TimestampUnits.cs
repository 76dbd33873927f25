namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// The feed sends Unix time in ms for T, Q, A and AM but in µs or ns for LULD and NOI (and may change): the unit is
/// told by magnitude. Any date between 1973 and 5138 is recognised whatever its unit.
/// </summary>
public static class TimestampUnits
{
    private const long SecondsBelow = 100_000_000_000;             // 1e11 s is the year 5138; 1e11 ms is 1973
    private const long MillisecondsBelow = 100_000_000_000_000;    // 1e14
    private const long MicrosecondsBelow = 100_000_000_000_000_000; // 1e17

    /// <summary>Unix milliseconds for a Unix time in s, ms, µs or ns. Zero and negative values are kept as they are.</summary>
    public static long ToUnixMilliseconds(long raw) => raw switch
    {
        <= 0 => raw,
        < SecondsBelow => raw * 1000,
        < MillisecondsBelow => raw,
        < MicrosecondsBelow => raw / 1000,
        _ => raw / 1_000_000,
    };
}
