using Scanner.Calendar;

namespace Scanner.Scanners;

/// <summary>
/// One alert of a symbol at event time <see cref="Timestamp"/> (Unix ms). <see cref="Price"/> is the price that
/// triggered it; <see cref="Reference"/> the previous session extreme (new high/low), the window's start price
/// (momentum) or the upper LULD band (halts); <see cref="Lower"/> the lower LULD band (halts only).
/// <see cref="PctChange"/> and <see cref="VolumeRatio"/> describe a momentum move, <see cref="WindowMinutes"/> its
/// window. <see cref="Note"/> is the human-readable line, e.g. "Broke pre-market high of $4.10".
/// <see cref="Context"/> is the symbol's figures when the alert was raised (appended last, so alerts persisted
/// before it existed read as all-zero context). <see cref="HaltDurationMs"/> is how long a resumed symbol was halted
/// (resume alerts only).
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.scanners.alert")]
public sealed record ScannerAlert(
    AlertKind Kind,
    string Symbol,
    long Timestamp,
    MarketSession Session,
    double Price,
    double Reference,
    double Lower,
    double PctChange,
    double VolumeRatio,
    int WindowMinutes,
    string Note,
    AlertContext Context = default,
    long HaltDurationMs = 0);
