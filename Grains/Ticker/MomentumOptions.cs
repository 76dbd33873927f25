namespace Scanner.Ticker;

/// <summary>
/// When a symbol counts as "moving": up at least <see cref="MinPctChange"/> percent within the last
/// <see cref="WindowMinutes"/> minutes, on at least <see cref="MinVolumeRatio"/> times its normal volume for that
/// long (average daily volume / 390 regular minutes * window), then silent for <see cref="CooldownMinutes"/>.
/// Symbols without a known average daily volume never alert (their "normal" is unknown).
/// </summary>
public sealed class MomentumOptions
{
    public double MinPctChange { get; set; } = 5;
    public int WindowMinutes { get; set; } = 5;
    public double MinVolumeRatio { get; set; } = 3;
    public int CooldownMinutes { get; set; } = 15;

    /// <summary>Ignore sub-penny noise: no momentum alert below this price.</summary>
    public double MinPrice { get; set; } = 1;
}
