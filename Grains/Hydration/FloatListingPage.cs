using System.Text.Json.Serialization;

namespace Scanner.Hydration;

/// <summary>A page of the float listing (<c>/stocks/vX/float?limit=</c>), read straight from the stream by <see cref="MassiveJsonContext"/>.</summary>
internal sealed record FloatListingPage(
    [property: JsonPropertyName("results")] List<FloatListingRow>? Results,
    [property: JsonPropertyName("next_url")] string? NextUrl);

/// <summary>One symbol's float in <see cref="FloatListingPage"/>.</summary>
internal sealed record FloatListingRow(
    [property: JsonPropertyName("ticker")] string? Symbol,
    [property: JsonPropertyName("free_float")] double? FreeFloat);
