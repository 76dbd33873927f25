using System.Text.Json;

namespace Scanner.Simulator.Protocol;

/// <summary>A message from a feed client: <c>{"action":"auth|subscribe|unsubscribe","params":"..."}</c>.</summary>
public readonly record struct ClientMessage(string Action, string Params)
{
    /// <summary>Reads a message; false for anything that is not a JSON object with a string <c>action</c>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out ClientMessage message)
    {
        message = default;
        string? action = null;
        var parameters = "";
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAction = reader.ValueTextEquals("action"u8);
                var isParams = reader.ValueTextEquals("params"u8);
                reader.Read();
                if (isAction && reader.TokenType == JsonTokenType.String)
                {
                    action = reader.GetString();
                }
                else if (isParams && reader.TokenType == JsonTokenType.String)
                {
                    parameters = reader.GetString() ?? "";
                }
                else
                {
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || action is null)
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }
        message = new ClientMessage(action, parameters);
        return true;
    }
}
