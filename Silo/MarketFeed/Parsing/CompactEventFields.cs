using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// Reads a frame in the compact layout the feed sends, byte by byte and without <see cref="System.Text.Json.Utf8JsonReader"/>:
/// no whitespace, no escapes, strings of printable ASCII, numbers of at most 15 digits without exponent, integers
/// without fraction, values of unknown fields scalar. What it takes it checks against the JSON grammar as strictly as
/// the general reader does and reads with the same number code, so both make the same events of it. Anything else
/// it does not take (a false return, or <see cref="Failed"/>), and the frame goes to the general reader.
/// </summary>
internal ref struct CompactEventFields : IEventFields
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly SymbolTable _symbols;
    private int _position;

    public CompactEventFields(ReadOnlySpan<byte> frame, SymbolTable symbols)
    {
        _frame = frame;
        _symbols = symbols;
    }

    /// <summary>Whether <see cref="NextProperty"/> met neither a property nor the end of the object.</summary>
    public bool Failed { get; private set; }

    public readonly bool AtEnd => _position == _frame.Length;

    private static ReadOnlySpan<byte> EventStart => "{\"ev\":"u8;

    private readonly byte Next => (uint)_position < (uint)_frame.Length ? _frame[_position] : (byte)0;

    /// <summary>Moves past <paramref name="expected"/> when it is the next byte.</summary>
    public bool TryTake(byte expected)
    {
        if (Next != expected)
        {
            return false;
        }
        _position++;
        return true;
    }

    /// <summary>Reads the start of an event object up to the end of its <c>ev</c> value, the first field the feed sends.</summary>
    public bool TryStartEvent(out WireEventType type)
    {
        type = WireEventType.Invalid;
        if (!_frame[_position..].StartsWith(EventStart))
        {
            return false;
        }
        _position += EventStart.Length;
        if (!TryScanString(out var ev))
        {
            return false;
        }
        type = WireEventTypes.Of(ev);
        return true;
    }

    public bool NextProperty(out ulong key)
    {
        while (!TryTake((byte)'}'))
        {
            if (!TryTake((byte)',') || !TryScanString(out var name) || !TryTake((byte)':'))
            {
                Failed = true;
                break;
            }
            key = PropertyKey.Pack(name);
            if (Next != (byte)'n' || !TrySkipLiteral("null"u8))
            {
                return true;
            }
        }
        key = PropertyKey.Unknown;
        return false;
    }

    /// <summary>Scalars only: a nested value, which the feed never sends, goes to the general reader.</summary>
    public bool Skip() => Next switch
    {
        (byte)'"' => TryScanString(out _),
        (byte)'t' => TrySkipLiteral("true"u8),
        (byte)'f' => TrySkipLiteral("false"u8),
        _ => TryReadPlain(out _, out _),
    };

    public bool TryReadInt64(out long value) => TryReadPlain(out value, out var scale) && scale == 0;

    public bool TryReadInt32(out int value) => FieldReader.ToInt32(TryReadInt64(out var wide), wide, out value);

    public bool TryReadDouble(out double value)
    {
        var ok = TryReadPlain(out var mantissa, out var scale);
        value = ok ? PlainNumber.ToDouble(mantissa, scale) : 0;
        return ok;
    }

    public bool TryReadOptionalDouble(out double? value)
    {
        var ok = TryReadDouble(out var number);
        value = ok ? number : null;
        return ok;
    }

    public bool TryReadDecimalText(out double? value)
    {
        if (Next != (byte)'"')
        {
            return TryReadOptionalDouble(out value);
        }
        value = null;
        return TryScanString(out var text) && FieldReader.TryParseDecimalText(text, out value);
    }

    public bool TryReadFlag(out bool value)
    {
        value = TrySkipLiteral("true"u8);
        return value || TrySkipLiteral("false"u8);
    }

    public bool TryReadCodes(out ConditionCodes codes)
    {
        codes = ConditionCodes.Empty;
        if (!TryTake((byte)'['))
        {
            return false;
        }
        if (TryTake((byte)']'))
        {
            return true;
        }
        do
        {
            if (!TryReadInt32(out var code))
            {
                return false;
            }
            codes = codes.Add(code);
        }
        while (TryTake((byte)','));
        return TryTake((byte)']');
    }

    /// <summary>A string only: a trade id sent as a number goes to the general reader.</summary>
    public bool TryReadTradeId(out TradeId id)
    {
        var ok = TryScanString(out var text);
        id = ok ? TradeId.Parse(text) : default;
        return ok;
    }

    /// <summary>A ticker the table would not keep goes to the general reader, which counts it as uncached once.</summary>
    public bool TryReadSymbol(out string? symbol)
    {
        symbol = null;
        return TryScanString(out var text) && (text.IsEmpty || _symbols.TryGetShared(text, out symbol));
    }

    /// <summary>A string of printable ASCII without escapes; anything else the general reader validates and unescapes.</summary>
    private bool TryScanString(out ReadOnlySpan<byte> text)
    {
        text = default;
        if (Next != (byte)'"')
        {
            return false;
        }
        // A plain loop: the strings are a few bytes long, too short for a vectorised search to pay.
        var rest = _frame[(_position + 1)..];
        var length = 0;
        while (length < rest.Length && rest[length] != (byte)'"')
        {
            if (rest[length] is < (byte)' ' or > (byte)'~' or (byte)'\\')
            {
                return false;
            }
            length++;
        }
        if (length == rest.Length)
        {
            return false;
        }
        text = rest[..length];
        _position += length + 2;
        return true;
    }

    /// <summary>
    /// A <see cref="PlainNumber"/> followed by a byte that can end a value: a number followed by anything else is no
    /// JSON, or has an exponent, which the general reader reads.
    /// </summary>
    private bool TryReadPlain(out long mantissa, out int scale)
    {
        var rest = _frame[_position..];
        var length = PlainNumber.Read(rest, out mantissa, out scale);
        if (length == 0 || length == rest.Length || !EndsValue(rest[length]))
        {
            return false;
        }
        _position += length;
        return true;
    }

    private bool TrySkipLiteral(ReadOnlySpan<byte> literal)
    {
        var rest = _frame[_position..];
        if (rest.Length <= literal.Length || !rest.StartsWith(literal) || !EndsValue(rest[literal.Length]))
        {
            return false;
        }
        _position += literal.Length;
        return true;
    }

    private static bool EndsValue(byte next) => next is (byte)',' or (byte)'}' or (byte)']';
}
