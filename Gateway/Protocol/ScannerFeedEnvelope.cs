using System.Buffers;
using System.Text.Json;
using Scanner.ScannerFeeds;

namespace Scanner.Gateway.Protocol;

/// <summary>
/// The default form of an update on the wire: <c>{"feed":F,"data":payload,"version":V,"published_at":ms}</c>, so one
/// socket can carry many feeds. Built once per update and shared by every client.
/// </summary>
internal static class ScannerFeedEnvelope
{
    public static byte[] Build(ScannerFeedUpdate update)
    {
        var buffer = new ArrayBufferWriter<byte>(update.Payload.Length + update.Feed.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("feed"u8, update.Feed);
            writer.WritePropertyName("data"u8);
            // Payloads are JSON serialised by the grain that owns the feed; re-validating them here would cost per update.
            if (update.Payload.Length == 0)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteRawValue(update.Payload, skipInputValidation: true);
            }
            writer.WriteNumber("version"u8, update.Version);
            writer.WriteNumber("published_at"u8, update.PublishedAt);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
