using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// Turns the UTF-8 bytes of a ticker into one shared string instance, so that an event costs no string allocation
/// and every event of a symbol carries the same string. Bounded: once <see cref="Capacity"/> symbols are held, new
/// ones are still returned (as fresh strings) but no longer kept, so a hostile feed cannot grow it forever.
/// Not thread-safe: one table per reading loop, like the <see cref="FrameParser"/> that uses it.
/// </summary>
public sealed class SymbolTable
{
    /// <summary>Longer names are not tickers worth keeping; they are returned uncached.</summary>
    public const int MaxSymbolLength = 32;

    /// <summary>Enough for every listed US stock and OTC ticker several times over.</summary>
    public const int DefaultCapacity = 65_536;

    // Tickers of up to 7 bytes (nearly all) are found by their bytes packed with their length in one word, which
    // needs no transcoding; longer ones by their text.
    private const int MaxPackedLength = PackedName.MaxLength - 1;

    private readonly Dictionary<ulong, string> _packed = [];
    private readonly HashSet<string> _symbols = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private long _uncached;

    public SymbolTable(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _lookup = _symbols.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Capacity { get; }

    /// <summary>Symbols held (read it from the owning thread).</summary>
    public int Count => _packed.Count + _symbols.Count;

    /// <summary>Symbols returned as fresh strings because they were too long or the table was full.</summary>
    public long Uncached => Volatile.Read(ref _uncached);

    /// <summary>The shared string for a ticker; invalid UTF-8 becomes U+FFFD rather than an error.</summary>
    public string GetOrAdd(ReadOnlySpan<byte> utf8)
    {
        if (TryGetShared(utf8, out var symbol))
        {
            return symbol;
        }
        _uncached++;
        return Encoding.UTF8.GetString(utf8);
    }

    /// <summary>
    /// The shared string for a ticker the table holds or can still take; false, counting nothing, for one that
    /// <see cref="GetOrAdd"/> would return uncached.
    /// </summary>
    public bool TryGetShared(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out string? symbol)
    {
        if (utf8.Length <= MaxPackedLength)
        {
            var key = PackedName.Of(utf8) | (ulong)utf8.Length << (MaxPackedLength * 8);
            if (_packed.TryGetValue(key, out symbol))
            {
                return true;
            }
            if (IsFull)
            {
                return false;
            }
            symbol = Encoding.UTF8.GetString(utf8);
            _packed.Add(key, symbol);
            return true;
        }
        symbol = null;
        if (utf8.Length > MaxSymbolLength)
        {
            return false;
        }

        // UTF-8 never takes fewer bytes than UTF-16 takes chars, so the buffer always suffices.
        Span<char> chars = stackalloc char[MaxSymbolLength];
        Utf8.ToUtf16(utf8, chars, out _, out var written);
        var name = chars[..written];
        if (_lookup.TryGetValue(name, out symbol))
        {
            return true;
        }
        if (IsFull)
        {
            return false;
        }
        symbol = name.ToString();
        _symbols.Add(symbol);
        return true;
    }

    private bool IsFull => Count >= Capacity;
}
