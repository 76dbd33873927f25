using System.Text.Json;

namespace Scanner.Tests.Support.Gateway;

/// <summary>Reading the gateway's JSON frames: replies (<c>status</c>) and updates (<c>feed</c>, <c>version</c>).</summary>
public static class GatewayFrames
{
    public static string? Str(this JsonElement frame, string property) =>
        frame.ValueKind == JsonValueKind.Object && frame.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool IsStatus(this JsonElement frame, string status) => frame.Str("status") == status;

    public static bool IsUpdate(this JsonElement frame, string feed, long version) =>
        frame.Str("feed") == feed && frame.TryGetProperty("version", out var v) && v.GetInt64() == version;
}
