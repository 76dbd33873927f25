using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// Reads the values of event fields, lenient where the feed is and strict otherwise: each <c>TryRead</c> returns
/// false for a value of the wrong type, which makes its event malformed. Nothing here throws on bad input.
/// </summary>
internal static class FieldReader
{
    // 2^63: an integral double in [-2^63, 2^63) converts to a long exactly.
    private const double Int64Limit = 9_223_372_036_854_775_808d;

    private const int MaxEscapedSymbolLength = 256;

    /// <summary>Whether the reader's number value is a <see cref="PlainNumber"/> as a whole.</summary>
    private static bool IsPlain(ReadOnlySpan<byte> number, out long mantissa, out int scale) =>
        PlainNumber.Read(number, out mantissa, out scale) == number.Length;

    /// <summary>
    /// Moves to the next property of the current object and onto its value; false at the end of the object.
    /// A property whose value is <c>null</c> counts as absent and is passed over.
    /// </summary>
    public static bool NextProperty(ref Utf8JsonReader reader, out ulong key)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            key = PropertyKey.Of(ref reader);
            reader.Read();
            if (reader.TokenType != JsonTokenType.Null)
            {
                return true;
            }
        }
        key = PropertyKey.Unknown;
        return false;
    }

    /// <summary>Passes over a value of a field we do not use, nested arrays and objects included.</summary>
    public static bool Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return true;
    }

    /// <summary>An integer, also when written as an integral decimal (<c>12.0</c>, <c>1.2e3</c>).</summary>
    public static bool TryReadInt64(ref Utf8JsonReader reader, out long value)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (IsPlain(reader.ValueSpan, out value, out var scale) && scale == 0)
            {
                return true;
            }
            if (reader.TryGetInt64(out value))
            {
                return true;
            }
            if (reader.TryGetDouble(out var number) && double.IsInteger(number) && number is >= -Int64Limit and < Int64Limit)
            {
                value = (long)number;
                return true;
            }
        }
        value = 0;
        return false;
    }

    public static bool TryReadInt32(ref Utf8JsonReader reader, out int value) =>
        ToInt32(TryReadInt64(ref reader, out var wide), wide, out value);

    /// <summary>The int of a long read (<paramref name="read"/>), false when it was not read or does not fit.</summary>
    public static bool ToInt32(bool read, long wide, out int value)
    {
        var ok = read && wide is >= int.MinValue and <= int.MaxValue;
        value = ok ? (int)wide : 0;
        return ok;
    }

    /// <summary>A finite number (numbers out of the double range are malformed).</summary>
    public static bool TryReadDouble(ref Utf8JsonReader reader, out double value)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            value = 0;
            return false;
        }
        if (IsPlain(reader.ValueSpan, out var mantissa, out var scale))
        {
            value = PlainNumber.ToDouble(mantissa, scale);
            return true;
        }
        // TryGetDouble gives infinity for 1e400: that is no price.
        return reader.TryGetDouble(out value) && double.IsFinite(value);
    }

    public static bool TryReadOptionalDouble(ref Utf8JsonReader reader, out double? value)
    {
        var ok = TryReadDouble(ref reader, out var number);
        value = ok ? number : null;
        return ok;
    }

    /// <summary>A decimal sent as a string (<c>dv</c>, <c>dav</c>: <c>"4332125.038360"</c>), or as a plain number.</summary>
    public static bool TryReadDecimalText(ref Utf8JsonReader reader, out double? value)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return TryReadOptionalDouble(ref reader, out value);
        }
        value = null;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }
        return TryParseDecimalText(reader.ValueSpan, out value);
    }

    /// <summary>The unescaped text of a decimal string: all of it a finite number.</summary>
    public static bool TryParseDecimalText(ReadOnlySpan<byte> text, out double? value)
    {
        var ok = Utf8Parser.TryParse(text, out double number, out var consumed) && consumed == text.Length && double.IsFinite(number);
        value = ok ? number : null;
        return ok;
    }

    public static bool TryReadFlag(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return value || reader.TokenType == JsonTokenType.False;
    }

    /// <summary>An array of small integer codes (trade conditions, quote and LULD indicators).</summary>
    public static bool TryReadCodes(ref Utf8JsonReader reader, out ConditionCodes codes)
    {
        codes = ConditionCodes.Empty;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryReadInt32(ref reader, out var code))
            {
                return false;
            }
            codes = codes.Add(code);
        }
        return true;
    }

    /// <summary>A trade id: a string on the wire (a plain number is accepted too); digits become a number, not a string.</summary>
    public static bool TryReadTradeId(ref Utf8JsonReader reader, out TradeId id)
    {
        id = default;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetUInt64(out var number):
                id = new TradeId(number, null);
                return true;
            case JsonTokenType.String when !reader.ValueIsEscaped:
                id = TradeId.Parse(reader.ValueSpan);
                return true;
            case JsonTokenType.String when TryReadText(ref reader, out var text):
                id = TradeId.Parse(text);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A ticker, interned. An empty ticker reads as no ticker (the event then misses its symbol).</summary>
    public static bool TryReadSymbol(ref Utf8JsonReader reader, SymbolTable symbols, out string? symbol)
    {
        symbol = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }
        if (!reader.ValueIsEscaped)
        {
            if (!reader.ValueSpan.IsEmpty)
            {
                symbol = symbols.GetOrAdd(reader.ValueSpan);
            }
            return true;
        }

        // Unescaping never lengthens the text; an escaped ticker this long is not a ticker.
        if (reader.ValueSpan.Length > MaxEscapedSymbolLength)
        {
            return false;
        }
        Span<byte> buffer = stackalloc byte[MaxEscapedSymbolLength];
        try
        {
            var length = reader.CopyString(buffer);
            if (length > 0)
            {
                symbol = symbols.GetOrAdd(buffer[..length]);
            }
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // an unpaired surrogate escape
        }
    }

    /// <summary>A one-letter code (the NOI auction type); an empty string reads as <c>'\0'</c>.</summary>
    public static bool TryReadLetter(ref Utf8JsonReader reader, out char letter)
    {
        letter = '\0';
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }
        if (!reader.ValueIsEscaped && (reader.ValueSpan.IsEmpty || reader.ValueSpan[0] < 0x80))
        {
            letter = reader.ValueSpan.IsEmpty ? '\0' : (char)reader.ValueSpan[0];
            return true;
        }
        if (!TryReadText(ref reader, out var text))
        {
            return false;
        }
        letter = text.Length > 0 ? text[0] : '\0';
        return true;
    }

    /// <summary>A string that may allocate (status messages, odd trade ids). Invalid UTF-8 becomes U+FFFD.</summary>
    public static bool TryReadText(ref Utf8JsonReader reader, out string text)
    {
        text = string.Empty;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }
        if (!reader.ValueIsEscaped)
        {
            text = Encoding.UTF8.GetString(reader.ValueSpan);
            return true;
        }
        try
        {
            text = reader.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // an unpaired surrogate escape
        }
    }
}
