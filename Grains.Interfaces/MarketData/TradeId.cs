using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Scanner.MarketData;

/// <summary>
/// A trade id (<c>i</c>, a string on the wire). Ids are almost always decimal digits: those are kept as a
/// number so that a trade allocates nothing beyond its record; any other id (leading zeros, letters,
/// too long) is kept as text, so <see cref="ToString"/> always gives back the id as received.
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.md.tradeid")]
public readonly record struct TradeId(ulong Number, string? Text)
{
    private const int MaxCompactDigits = 19; // every 19-digit number fits in a ulong

    public override string ToString() => Text ?? Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the digits round-trip through a number: 1 to 19 digits, no leading zero.</summary>
    public static bool IsCompactNumber(ReadOnlySpan<char> id) => IsCompactNumber(id, '0', '9');

    /// <inheritdoc cref="IsCompactNumber(ReadOnlySpan{char})"/>
    public static bool IsCompactNumber(ReadOnlySpan<byte> utf8Id) => IsCompactNumber(utf8Id, (byte)'0', (byte)'9');

    public static TradeId Parse(string id) =>
        IsCompactNumber(id) ? new TradeId(ulong.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture), null) : new TradeId(0, id);

    /// <summary>The id from its UTF-8 text, allocating only when it is not a compact number.</summary>
    public static TradeId Parse(ReadOnlySpan<byte> utf8Id) =>
        IsCompactNumber(utf8Id) && Utf8Parser.TryParse(utf8Id, out ulong number, out _)
            ? new TradeId(number, null)
            : new TradeId(0, Encoding.UTF8.GetString(utf8Id));

    private static bool IsCompactNumber<T>(ReadOnlySpan<T> id, T zero, T nine)
        where T : IEquatable<T>, IComparable<T> =>
        id.Length is > 0 and <= MaxCompactDigits
        && (id.Length == 1 || !id[0].Equals(zero))
        && !id.ContainsAnyExceptInRange(zero, nine);
}
