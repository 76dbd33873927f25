namespace Scanner.Scanners;

/// <summary>
/// What a trader decides an alert on, as the symbol's row read when the alert was raised: the day's change against
/// the previous close (<see cref="DayPctChange"/>, %), whole-day relative volume, free float (shares) and today's
/// volume so far. Each is 0 when unknown (no reference data yet), like the row's.
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.scanners.alertcontext")]
public readonly record struct AlertContext(double DayPctChange, double RelativeVolume, double FreeFloat, long Volume);
