namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>A name of up to 8 bytes packed little-endian into one word: one compare instead of a text comparison.</summary>
internal static class PackedName
{
    public const int MaxLength = sizeof(ulong);

    /// <summary>The packed bytes; the caller keeps <paramref name="name"/> within <see cref="MaxLength"/>.</summary>
    public static ulong Of(ReadOnlySpan<byte> name)
    {
        var word = 0ul;
        for (var i = name.Length - 1; i >= 0; i--)
        {
            word = word << 8 | name[i];
        }
        return word;
    }
}
