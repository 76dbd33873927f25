using System.Text.Json;
using Scanner.MarketData;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// The fields of an event read with the general <see cref="Utf8JsonReader"/> (<see cref="FieldReader"/>). It reads
/// its own copy of the reader (a ref struct cannot hold a reference to one): take <see cref="Reader"/> back after.
/// </summary>
internal ref struct JsonEventFields(Utf8JsonReader reader, SymbolTable symbols) : IEventFields
{
    private Utf8JsonReader _reader = reader;

    public readonly Utf8JsonReader Reader => _reader;

    public bool NextProperty(out ulong key) => FieldReader.NextProperty(ref _reader, out key);

    public bool Skip() => FieldReader.Skip(ref _reader);

    public bool TryReadInt64(out long value) => FieldReader.TryReadInt64(ref _reader, out value);

    public bool TryReadInt32(out int value) => FieldReader.TryReadInt32(ref _reader, out value);

    public bool TryReadDouble(out double value) => FieldReader.TryReadDouble(ref _reader, out value);

    public bool TryReadOptionalDouble(out double? value) => FieldReader.TryReadOptionalDouble(ref _reader, out value);

    public bool TryReadDecimalText(out double? value) => FieldReader.TryReadDecimalText(ref _reader, out value);

    public bool TryReadFlag(out bool value) => FieldReader.TryReadFlag(ref _reader, out value);

    public bool TryReadCodes(out ConditionCodes codes) => FieldReader.TryReadCodes(ref _reader, out codes);

    public bool TryReadTradeId(out TradeId id) => FieldReader.TryReadTradeId(ref _reader, out id);

    public bool TryReadSymbol(out string? symbol) => FieldReader.TryReadSymbol(ref _reader, symbols, out symbol);
}
