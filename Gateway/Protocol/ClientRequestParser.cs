using System.Text.Json;

namespace Scanner.Gateway.Protocol;

/// <summary>
/// Parses a client text frame (docs/contracts/client-protocol.md) with <see cref="Utf8JsonReader"/>: a JSON object with
/// <c>action</c> and the argument that action needs; unknown properties are ignored, anything else is
/// <see cref="ClientAction.Invalid"/>. Never throws, whatever the bytes.
/// </summary>
internal static class ClientRequestParser
{
    // Deep enough for a page's layouts (save_layouts), which nest objects in objects; the message size bounds the rest.
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32 };

    public static ClientRequest Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return ParseObject(utf8);
        }
        catch (JsonException)
        {
            return ClientRequest.Invalid;
        }
        catch (InvalidOperationException)
        {
            // Reading a property as the wrong type (for example "limit": 1.5 or a non-string action).
            return ClientRequest.Invalid;
        }
    }

    private static ClientRequest ParseObject(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return ClientRequest.Invalid;
        }
        var action = ClientAction.Invalid;
        string? apiKey = null, feed = null, cache = null;
        byte[]? layouts = null;
        int? limit = null;
        var validLimit = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("action"u8))
            {
                reader.Read();
                action = reader.TokenType == JsonTokenType.String ? ActionOf(ref reader) : ClientAction.Invalid;
            }
            else if (reader.ValueTextEquals("api_key"u8))
            {
                apiKey = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("feed"u8))
            {
                feed = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("cache"u8))
            {
                cache = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("layouts"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                layouts = utf8[start..(int)reader.BytesConsumed].ToArray();
            }
            else if (reader.ValueTextEquals("limit"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    limit = null;
                }
                else
                {
                    var n = -1;
                    validLimit = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out n) && n >= 0;
                    limit = validLimit ? n : null;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        // The object must be complete and nothing may follow it.
        if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0 || reader.Read())
        {
            return ClientRequest.Invalid;
        }
        return action switch
        {
            ClientAction.Auth when apiKey is not null => new(ClientAction.Auth, apiKey),
            ClientAction.Subscribe when feed is not null => new(ClientAction.Subscribe, feed),
            ClientAction.Unsubscribe when feed is not null => new(ClientAction.Unsubscribe, feed),
            ClientAction.Get when cache is not null && validLimit => new(ClientAction.Get, cache, limit),
            ClientAction.GetLayouts => new(ClientAction.GetLayouts),
            ClientAction.SaveLayouts when layouts is not null => new(ClientAction.SaveLayouts, Layouts: layouts),
            _ => ClientRequest.Invalid,
        };
    }

    /// <summary>
    /// True when <paramref name="head"/>, the start of a message still arriving, opens an object whose first property is
    /// <c>"action":"save_layouts"</c>: the one message that may be longer than <c>MaxMessageBytes</c>.
    /// </summary>
    public static bool StartsAsSaveLayouts(ReadOnlySpan<byte> head)
    {
        try
        {
            var reader = new Utf8JsonReader(head, isFinalBlock: false, default);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("action"u8)
                && reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("save_layouts"u8);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ClientAction ActionOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("subscribe"u8) ? ClientAction.Subscribe
        : reader.ValueTextEquals("unsubscribe"u8) ? ClientAction.Unsubscribe
        : reader.ValueTextEquals("get"u8) ? ClientAction.Get
        : reader.ValueTextEquals("auth"u8) ? ClientAction.Auth
        : reader.ValueTextEquals("get_layouts"u8) ? ClientAction.GetLayouts
        : reader.ValueTextEquals("save_layouts"u8) ? ClientAction.SaveLayouts
        : ClientAction.Invalid;

    /// <summary>The string value of the current property, or null for any other kind of value (which is skipped).</summary>
    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }
        reader.Skip();
        return null;
    }
}
