using System.Text.Json;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>The <c>ev</c> field of an event: which reader takes it, or why none does.</summary>
internal enum WireEventType : byte
{
    Trade,
    Quote,
    SecondAggregate,
    MinuteAggregate,
    Luld,
    Imbalance,
    FairMarketValue,
    Status,
    /// <summary>A string we do not know (counted as an unknown event type).</summary>
    Unknown,
    /// <summary>No <c>ev</c> field, or one that is not a string (counted as malformed).</summary>
    Invalid,
}

internal static class WireEventTypes
{
    /// <summary>
    /// Reads the first property of the object the reader is at the start of when it is <c>ev</c>, as in every frame the
    /// feed sends, leaving the reader on its value. Null when the first property is another one: the caller then goes
    /// back to the start of the object and uses <see cref="Find"/>.
    /// </summary>
    public static WireEventType? ReadLeading(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.PropertyName || PropertyKey.Of(ref reader) != PropertyKey.Ev)
        {
            return null;
        }
        reader.Read();
        return reader.TokenType == JsonTokenType.String ? Of(ref reader) : WireEventType.Invalid;
    }

    /// <summary>
    /// Finds the <c>ev</c> field of the object the reader is at the start of, wherever it is. The reader is taken by
    /// value: it is a look-ahead copy, so the caller's reader stays at the start of the object.
    /// </summary>
    public static WireEventType Find(Utf8JsonReader probe)
    {
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            var isEv = PropertyKey.Of(ref probe) == PropertyKey.Ev;
            probe.Read();
            if (isEv)
            {
                return probe.TokenType == JsonTokenType.String ? Of(ref probe) : WireEventType.Invalid;
            }
            probe.Skip();
        }
        return WireEventType.Invalid;
    }

    private const int MaxEscapedLength = 64;

    private static WireEventType Of(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            // Escaped ("\u0054") is legal JSON but never sent in practice: unescape on the stack. An unpaired surrogate
            // cannot be unescaped, which makes the event malformed (comparing it as escaped text would throw).
            Span<byte> ev = stackalloc byte[MaxEscapedLength];
            try
            {
                return reader.ValueSpan.Length > MaxEscapedLength ? WireEventType.Unknown : Of(ev[..reader.CopyString(ev)]);
            }
            catch (InvalidOperationException)
            {
                return WireEventType.Invalid;
            }
        }
        return Of(reader.ValueSpan);
    }

    public static WireEventType Of(ReadOnlySpan<byte> ev) => ev.Length switch
    {
        1 => ev[0] switch
        {
            (byte)'T' => WireEventType.Trade,
            (byte)'Q' => WireEventType.Quote,
            (byte)'A' => WireEventType.SecondAggregate,
            _ => WireEventType.Unknown,
        },
        2 when ev.SequenceEqual("AM"u8) => WireEventType.MinuteAggregate,
        3 when ev.SequenceEqual("NOI"u8) => WireEventType.Imbalance,
        3 when ev.SequenceEqual("FMV"u8) => WireEventType.FairMarketValue,
        4 when ev.SequenceEqual("LULD"u8) => WireEventType.Luld,
        6 when ev.SequenceEqual("status"u8) => WireEventType.Status,
        _ => WireEventType.Unknown,
    };
}
