using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scanner.Tests.Unit.MarketFeed.Parsing;

/// <summary>A fixture frame as written, compacted, and compacted then changed in one way the compact path does not take.</summary>
internal static class FrameVariants
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly string[] Names =
        ["as written", "compact", "spaced", "ev last", "escaped name", "escaped value", "unknown fields", "null fields"];

    public static byte[] Of(string variant, byte[] frame)
    {
        if (variant == "as written" || TryParse(frame) is not { } node)
        {
            return frame; // not JSON: the same bytes whatever the variant
        }
        return variant switch
        {
            "compact" => Write(node),
            "spaced" => Replace(Write(node), ",", ", "),
            "ev last" => Write(Reorder(node)),
            "escaped name" => Replace(Write(node), "\"sym\":", "\"\\u0073ym\":"),
            "escaped value" => Replace(Write(node), "\"sym\":\"", "\"sym\":\"\\u0041"),
            "unknown fields" => Replace(Write(node), "\"sym\":", "\"zz\":1,\"yy\":\"a\",\"xx\":true,\"nest\":[{\"c\":[1]}],\"sym\":"),
            "null fields" => Replace(Write(node), "\"sym\":", "\"bp\":null,\"p\":null,\"c\":null,\"sym\":"),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
        };
    }

    public static byte[] Compact(byte[] frame) => Of("compact", frame);

    private static JsonNode? TryParse(byte[] frame)
    {
        try
        {
            var node = JsonNode.Parse(frame);
            _ = node?.ToJsonString(); // duplicate property names throw here, not in Parse
            return node;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static byte[] Write(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(Unescaped));

    private static byte[] Replace(byte[] frame, string from, string to) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(frame).Replace(from, to, StringComparison.Ordinal));

    /// <summary>Each event's fields in reverse order, which puts <c>ev</c> last.</summary>
    private static JsonNode Reorder(JsonNode node)
    {
        if (node is JsonArray array)
        {
            return new JsonArray([.. array.Select(e => e is JsonObject ? Reorder(e) : e?.DeepClone())]);
        }
        return node is JsonObject obj
            ? new JsonObject(obj.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())))
            : node.DeepClone();
    }
}
