using System.Text.Json;

namespace Scanner.Gateway.Protocol;

/// <summary>Writes the first N items of a JSON array (the <c>limit</c> of a get) without parsing the items themselves.</summary>
internal static class JsonListPrefix
{
    /// <summary>Writes <paramref name="json"/> cut to <paramref name="limit"/> items; any non-array value is written whole.</summary>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> json, int limit)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            writer.WriteRawValue(json, skipInputValidation: true);
            return;
        }
        writer.WriteStartArray();
        for (var i = 0; i < limit && reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            writer.WriteRawValue(json[start..(int)reader.BytesConsumed], skipInputValidation: true);
        }
        writer.WriteEndArray();
    }
}
