namespace Scanner.Simulator.Replay;

/// <summary>Maps the one-letter venue codes of the consolidated tape (as in LEAN/AlgoSeek ticks) to Massive exchange ids.</summary>
public static class ExchangeCodes
{
    public static int ToMassiveId(char venue) => char.ToUpperInvariant(venue) switch
    {
        'A' => 1,   // NYSE American
        'B' => 2,   // Nasdaq BX
        'C' => 3,   // NYSE National
        'D' => 4,   // FINRA ADF (TRF)
        'I' => 6,   // ISE
        'J' => 7,   // Cboe EDGA
        'K' => 8,   // Cboe EDGX
        'M' => 9,   // NYSE Chicago
        'N' => 10,  // NYSE
        'P' => 11,  // NYSE Arca
        'Q' or 'T' => 12, // Nasdaq
        'V' => 15,  // IEX
        'W' => 16,  // Cboe (CBSX)
        'X' => 17,  // Nasdaq PSX
        'Y' => 18,  // Cboe BYX
        'Z' => 19,  // Cboe BZX
        _ => 0,
    };
}
