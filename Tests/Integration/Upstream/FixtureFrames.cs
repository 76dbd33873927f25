using System.Text;
using System.Text.Json;

namespace Scanner.Tests.Integration.Upstream;

/// <summary>The nasty frames of Tests/Fixtures/massive-stocks-ws.json (see Tests/Fixtures/README.md), as sent on the wire.</summary>
internal static class FixtureFrames
{
    private static readonly Lazy<JsonDocument> Fixture = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "massive-stocks-ws.json"))));

    /// <summary><c>malformed_frames_as_text</c>: empty, not JSON, not an array, truncated, an array of non-objects.</summary>
    public static IEnumerable<byte[]> Malformed =>
        Fixture.Value.RootElement.GetProperty("malformed_frames_as_text").EnumerateArray().Select(f => Encoding.UTF8.GetBytes(f.GetString()!));

    /// <summary><c>edge_cases</c>: shapes seen on the live feed, good and bad events.</summary>
    public static IEnumerable<byte[]> EdgeCases =>
        Fixture.Value.RootElement.GetProperty("edge_cases").EnumerateObject().Select(f => Encoding.UTF8.GetBytes(f.Value.GetRawText()));
}
