using System.Net.Http.Json;

namespace Scanner.Benchmarks.Pipeline;

/// <summary>
/// The synthetic simulator stamps events with its market clock, which runs at wall-clock speed from a chosen start:
/// market time minus wall time is a constant offset, read from its <c>/health</c> (<c>marketTime</c>, ms precision).
/// </summary>
internal static class SimulatorClock
{
    /// <summary>The median offset (ms) of <paramref name="samples"/> readings, and their spread (max - min).</summary>
    public static async Task<(long OffsetMs, long SpreadMs)> MeasureOffsetAsync(HttpClient http, Uri simulator, int samples = 5)
    {
        var health = new Uri(simulator, "/health");
        var offsets = new long[samples];
        for (var i = 0; i < samples; i++)
        {
            var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var stats = await http.GetFromJsonAsync<Health>(health)
                ?? throw new InvalidOperationException($"{health} answered nothing");
            var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            offsets[i] = stats.MarketTime.ToUnixTimeMilliseconds() - (before + after) / 2;
        }
        Array.Sort(offsets);
        return (offsets[samples / 2], offsets[^1] - offsets[0]);
    }

    private sealed record Health(DateTimeOffset MarketTime);
}
