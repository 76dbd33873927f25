using System.Net.Http.Json;

namespace Scanner.Benchmarks.Pipeline;

/// <summary>
/// The synthetic simulator stamps events with its market clock, which runs at wall-clock speed from a chosen start:
/// market time minus wall time is a constant offset, read from its <c>/health</c> (<c>marketTime</c>, ms precision).
/// </summary>
internal static class SimulatorClock
{
    /// <summary>
    /// The offset (ms) from the reading with the shortest round trip (a loaded simulator answers late, which blurs a
    /// reading), and its uncertainty: half that round trip.
    /// </summary>
    public static async Task<(long OffsetMs, long UncertaintyMs)> MeasureOffsetAsync(HttpClient http, Uri simulator, int samples = 7)
    {
        var health = new Uri(simulator, "/health");
        var (best, roundTrip) = (0L, long.MaxValue);
        for (var i = 0; i < samples; i++)
        {
            var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var stats = await http.GetFromJsonAsync<Health>(health)
                ?? throw new InvalidOperationException($"{health} answered nothing");
            var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (after - before < roundTrip)
            {
                (best, roundTrip) = (stats.MarketTime.ToUnixTimeMilliseconds() - (before + after) / 2, after - before);
            }
        }
        return (best, (roundTrip + 1) / 2);
    }

    private sealed record Health(DateTimeOffset MarketTime);
}
