using System.ComponentModel.DataAnnotations;

namespace Scanner.Ticker;

/// <summary>
/// When a symbol counts as "moving": up at least its price band's percent (<see cref="MinPctChangeAt"/>) within the
/// last <see cref="WindowMinutes"/> minutes, on at least <see cref="MinVolumeRatio"/> times its normal volume for that
/// long (average daily volume / 390 regular minutes * window), then silent for <see cref="CooldownMinutes"/>.
/// The percent scales with price, since a cheap stock moves more for the same news: below <see cref="LowPrice"/>
/// ($5) it takes <see cref="LowPriceMinPctChange"/> (10%), from <see cref="HighPrice"/> ($50) up
/// <see cref="HighPriceMinPctChange"/> (3%), and <see cref="MinPctChange"/> (5%) between.
/// Symbols without a known average daily volume never alert (their "normal" is unknown).
/// </summary>
public sealed class MomentumOptions : IValidatableObject
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

    /// <summary>Below this price a move must reach <see cref="LowPriceMinPctChange"/>.</summary>
    [Range(0.0, double.MaxValue, ErrorMessage = "Scanner:Momentum:LowPrice must not be negative")]
    public double LowPrice { get; set; } = 5;
    [Range(0.0, double.MaxValue, ErrorMessage = "Scanner:Momentum:LowPriceMinPctChange must not be negative")]
    public double LowPriceMinPctChange { get; set; } = 10;

    /// <summary>From this price up a move needs only <see cref="HighPriceMinPctChange"/>.</summary>
    [Range(0.0, double.MaxValue, ErrorMessage = "Scanner:Momentum:HighPrice must not be negative")]
    public double HighPrice { get; set; } = 50;
    [Range(0.0, double.MaxValue, ErrorMessage = "Scanner:Momentum:HighPriceMinPctChange must not be negative")]
    public double HighPriceMinPctChange { get; set; } = 3;

    /// <summary>The percent move a symbol at <paramref name="price"/> needs within the window.</summary>
    public double MinPctChangeAt(double price) =>
        price < LowPrice ? LowPriceMinPctChange
        : price >= HighPrice ? HighPriceMinPctChange
        : MinPctChange;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LowPrice > HighPrice)
        {
            yield return new ValidationResult("Scanner:Momentum:LowPrice must not exceed Scanner:Momentum:HighPrice");
        }
    }
}
