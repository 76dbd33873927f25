using System.Buffers;
using System.Text.Json;

namespace Scanner.Gateway.Protocol;

/// <summary>The server's replies (docs/contracts/client-protocol.md), as UTF-8 frames ready to send.</summary>
internal static class ServerReplies
{
    public static readonly byte[] Authorized = """{"status":"authorized"}"""u8.ToArray();
    public static readonly byte[] InvalidKey = """{"status":"invalid key"}"""u8.ToArray();
    public static readonly byte[] Unauthorized = """{"status":"unauthorized"}"""u8.ToArray();
    public static readonly byte[] InvalidAction = """{"status":"invalid action"}"""u8.ToArray();
    public static readonly byte[] LayoutsSaved = """{"status":"layouts_saved"}"""u8.ToArray();
    public static readonly byte[] LayoutsTooLarge = Error("layouts too large");
    public static readonly byte[] InvalidLayouts = Error("invalid layouts");
    public static readonly byte[] LayoutsUnavailable = Error("layouts unavailable");

    public static byte[] Subscribed(string feed) => Status("subscribed", feed);

    public static byte[] Unsubscribed(string feed) => Status("unsubscribed", feed);

    /// <summary><c>{"status":"error","error":message}</c>: the request was refused, the socket stays open unless said otherwise.</summary>
    public static byte[] Error(string message) => Write(message, static (w, m) =>
    {
        w.WriteString("status"u8, "error"u8);
        w.WriteString("error"u8, m);
    });

    /// <summary>The refusal of a user's connection beyond <c>Gateway:MaxConnectionsPerUser</c>.</summary>
    public static byte[] TooManyConnections(int limit) => Error($"too many connections for this user (limit {limit})");

    /// <summary><c>{"cache":K,"data":payload}</c>, with a list payload cut to its first <paramref name="limit"/> items.</summary>
    public static byte[] GetResult(string cache, byte[]? payload, int? limit) => Write((cache, payload, limit), static (w, s) =>
    {
        w.WriteString("cache"u8, s.cache);
        w.WritePropertyName("data"u8);
        if (s.payload is null || s.payload.Length == 0)
        {
            w.WriteNullValue();
        }
        else if (s.limit is { } n)
        {
            JsonListPrefix.Write(w, s.payload, n);
        }
        else
        {
            w.WriteRawValue(s.payload, skipInputValidation: true);
        }
    });

    /// <summary><c>{"status":"layouts","layouts":json}</c>: the user's saved layouts as stored, or null before the first save.</summary>
    public static byte[] Layouts(byte[]? json) => Write(json, static (w, layouts) =>
    {
        w.WriteString("status"u8, "layouts"u8);
        w.WritePropertyName("layouts"u8);
        if (layouts is null)
        {
            w.WriteNullValue();
        }
        else
        {
            // Checked to be one JSON object when it was saved.
            w.WriteRawValue(layouts, skipInputValidation: true);
        }
    });

    private static byte[] Status(string status, string feed) => Write((status, feed), static (w, s) =>
    {
        w.WriteString("status"u8, s.status);
        w.WriteString("feed"u8, s.feed);
    });

    private static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> body)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer, state);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
