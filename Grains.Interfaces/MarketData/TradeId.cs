using System.Globalization;

namespace Scanner.MarketData;

/// <summary>
/// A trade id (<c>i</c>, a string on the wire). Ids are almost always decimal digits: those are kept as a
/// number so that a trade allocates nothing beyond its record; any other id (leading zeros, letters,
/// too long) is kept as text, so <see cref="ToString"/> always gives back the id as received.
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.md.tradeid")]
public readonly record struct TradeId(ulong Number, string? Text)
{
    public override string ToString() => Text ?? Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the digits round-trip through a number: 1 to 19 digits, no leading zero.</summary>
    public static bool IsCompactNumber(ReadOnlySpan<char> id) =>
        id.Length is > 0 and <= 19
        && (id.Length == 1 || id[0] != '0')
        && !id.ContainsAnyExceptInRange('0', '9');

    public static TradeId Parse(string id) =>
        IsCompactNumber(id) ? new TradeId(ulong.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture), null) : new TradeId(0, id);
}
