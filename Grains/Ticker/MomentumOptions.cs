using System.ComponentModel.DataAnnotations;

namespace Scanner.Ticker;

/// <summary>
/// When a symbol counts as "moving": up at least <see cref="MinPctChange"/> percent within the last
/// <see cref="WindowMinutes"/> minutes, on at least <see cref="MinVolumeRatio"/> times its normal volume for that
/// long (average daily volume / 390 regular minutes * window), then silent for <see cref="CooldownMinutes"/>.
/// Symbols without a known average daily volume never alert (their "normal" is unknown).
/// </summary>
public sealed class MomentumOptions
{
    [Range(0.0, double.MaxValue, ErrorMessage = "Scanner:Momentum:MinPctChange must not be negative")]
    public double MinPctChange { get; set; } = 5;
    [Range(1, 390, ErrorMessage = "Scanner:Momentum:WindowMinutes must be between 1 and 390")]
    public int WindowMinutes { get; set; } = 5;
    [Range(0.0, double.MaxValue, ErrorMessage = "Scanner:Momentum:MinVolumeRatio must not be negative")]
    public double MinVolumeRatio { get; set; } = 3;
    [Range(0, 1440, ErrorMessage = "Scanner:Momentum:CooldownMinutes must be between 0 and 1440")]
    public int CooldownMinutes { get; set; } = 15;

    /// <summary>Ignore sub-penny noise: no momentum alert below this price.</summary>
    [Range(0.0, double.MaxValue, ErrorMessage = "Scanner:Momentum:MinPrice must not be negative")]
    public double MinPrice { get; set; } = 1;
}
