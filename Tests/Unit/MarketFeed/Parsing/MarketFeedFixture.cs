using System.Text;
using System.Text.Json;

namespace Scanner.Tests.Unit.MarketFeed.Parsing;

/// <summary>
/// The frames of Tests/Fixtures/massive-stocks-ws.json, exactly as written in the file, by path
/// (<c>published_examples/T</c>, <c>handshake/2</c>, <c>edge_cases/multi_event_frame</c>, ...). A published example
/// is a single event, so it is wrapped in an array to make it a frame.
/// </summary>
internal static class MarketFeedFixture
{
    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> Frames = new(Load);

    public static IReadOnlyDictionary<string, byte[]> All => Frames.Value;

    public static byte[] Frame(string path) => All[path];

    /// <summary>The frames a server sends (not the client's), empty ones left out: the seeds of the fuzz tests.</summary>
    public static IEnumerable<byte[]> ServerFrames =>
        All.Where(f => f.Value.Length > 0 && !f.Key.EndsWith("/client", StringComparison.Ordinal)).Select(f => f.Value);

    private static Dictionary<string, byte[]> Load()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "massive-stocks-ws.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        var root = document.RootElement;
        var frames = new Dictionary<string, byte[]>();
        foreach (var example in root.GetProperty("published_examples").EnumerateObject())
        {
            frames[$"published_examples/{example.Name}"] = Utf8($"[{example.Value.GetRawText()}]");
        }
        var step = 0;
        foreach (var message in root.GetProperty("handshake").EnumerateArray())
        {
            frames[$"handshake/{step++}/{message.GetProperty("dir").GetString()}"] = Utf8(message.GetProperty("frame").GetRawText());
        }
        var index = 0;
        foreach (var frame in root.GetProperty("error_statuses").EnumerateArray())
        {
            frames[$"error_statuses/{index++}"] = Utf8(frame.GetRawText());
        }
        foreach (var edgeCase in root.GetProperty("edge_cases").EnumerateObject())
        {
            frames[$"edge_cases/{edgeCase.Name}"] = Utf8(edgeCase.Value.GetRawText());
        }
        index = 0;
        foreach (var text in root.GetProperty("malformed_frames_as_text").EnumerateArray())
        {
            frames[$"malformed_frames_as_text/{index++}"] = Utf8(text.GetString()!);
        }
        return frames;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
