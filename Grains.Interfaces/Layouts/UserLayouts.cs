using System.Text.Json;

namespace Scanner.Layouts;

/// <summary>
/// What may be stored as a user's layouts (docs/contracts/client-protocol.md#layouts): one JSON object of at most
/// <see cref="MaxBytes"/> bytes as sent. Its inside is the page's business and is not looked at beyond being JSON.
/// </summary>
public static class UserLayouts
{
    /// <summary>64 KiB: dozens of named layouts of a full page fit in a few KiB each.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The user key of every client while auth is off.</summary>
    public const string AnonymousUser = "anonymous";

    public static LayoutsCheck Check(ReadOnlySpan<byte> json)
    {
        if (json.Length > MaxBytes)
        {
            return LayoutsCheck.TooLarge;
        }
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return LayoutsCheck.NotAnObject;
            }
            reader.Skip();
            return reader.Read() ? LayoutsCheck.NotAnObject : LayoutsCheck.Valid;
        }
        catch (JsonException)
        {
            return LayoutsCheck.NotAnObject;
        }
    }
}
