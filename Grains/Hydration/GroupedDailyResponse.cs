using System.Text.Json.Serialization;

namespace Scanner.Hydration;

/// <summary>
/// A grouped daily response (<c>/v2/aggs/grouped/locale/us/market/stocks/{date}</c>) as Massive sends it, read
/// straight from the stream by <see cref="MassiveJsonContext"/>: a whole market's rows (~10,000), so no DOM.
/// </summary>
internal sealed record GroupedDailyResponse([property: JsonPropertyName("results")] List<GroupedDailyRow>? Results);

/// <summary>One symbol's bar in <see cref="GroupedDailyResponse"/>: <c>T</c> is the symbol, <c>t</c> the bar's time (names are case-sensitive).</summary>
internal sealed record GroupedDailyRow(
    [property: JsonPropertyName("T")] string? Symbol,
    [property: JsonPropertyName("t")] double Timestamp,
    [property: JsonPropertyName("o")] double Open,
    [property: JsonPropertyName("h")] double High,
    [property: JsonPropertyName("l")] double Low,
    [property: JsonPropertyName("c")] double Close,
    [property: JsonPropertyName("v")] double Volume,
    [property: JsonPropertyName("vw")] double Vwap)
{
    /// <summary>The bar, or null when its close is not positive (<see cref="DailyBar.Traded"/>).</summary>
    public DailyBar? ToBar() => DailyBar.Traded((long)Timestamp, Open, High, Low, Close, Volume, Vwap);
}
