using System.Text.Json;
using Scanner.Ticker;

namespace Scanner.Hydration;

/// <summary>A daily bar as Massive's REST API sends it (<c>t o h l c v vw</c>), in the per-ticker and the grouped responses.</summary>
internal sealed record DailyBar(long Timestamp, double Open, double High, double Low, double Close, double Volume, double Vwap)
{
    /// <summary>A bar of a per-ticker response (<see cref="Traded"/>).</summary>
    public static DailyBar? Parse(JsonElement bar) =>
        Traded((long)Number(bar, "t"), Number(bar, "o"), Number(bar, "h"), Number(bar, "l"), Number(bar, "c"), Number(bar, "v"), Number(bar, "vw"));

    /// <summary>The bar when its close is positive, else null (Massive sends zeros for a symbol without a bar that day).</summary>
    public static DailyBar? Traded(long timestamp, double open, double high, double low, double close, double volume, double vwap) =>
        close > 0 ? new DailyBar(timestamp, open, high, low, close, volume, vwap) : null;

    /// <summary>This bar as the previous day of <paramref name="tradingDay"/> (yyyymmdd), with the day's other figures.</summary>
    public ReferenceData AsPreviousDayOf(int tradingDay, double avgVolume, double freeFloat) =>
        new(tradingDay, Open, High, Low, Close, Volume, Vwap, avgVolume, freeFloat);

    /// <summary>A number field (integers may come as 12.0), 0 when absent or not a number.</summary>
    public static double Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : 0;
}
