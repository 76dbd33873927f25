namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// The numbers the feed sends (prices, sizes, ms times): JSON numbers of at most 15 digits without exponent, read as
/// an exact mantissa and decimal scale without the general number parser. Both readers use it, so that they read
/// such a number to the same value.
/// </summary>
internal static class PlainNumber
{
    private const int MaxDigits = 15; // 10^15 < 2^53: every such mantissa is an exact double

    private static ReadOnlySpan<double> PowersOfTen =>
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// Reads the number at the start of <paramref name="text"/> in the JSON grammar without exponent
    /// (<c>-?(0|[1-9][0-9]*)(\.[0-9]+)?</c>) as <paramref name="mantissa"/> / 10^<paramref name="scale"/>: its length,
    /// or 0 when none starts there or it has more than 15 digits. The length stops short of an exponent, or of anything
    /// else: the caller checks what follows.
    /// </summary>
    public static int Read(ReadOnlySpan<byte> text, out long mantissa, out int scale)
    {
        mantissa = 0;
        scale = 0;
        var negative = !text.IsEmpty && text[0] == (byte)'-';
        var start = negative ? 1 : 0;
        var end = ReadDigits(text, start, ref mantissa);
        var integral = end - start;
        if (integral == 0 || (integral > 1 && text[start] == (byte)'0'))
        {
            return 0;
        }
        if (end < text.Length && text[end] == (byte)'.')
        {
            var fractionEnd = ReadDigits(text, end + 1, ref mantissa);
            scale = fractionEnd - end - 1;
            if (scale == 0)
            {
                return 0;
            }
            end = fractionEnd;
        }
        if (integral + scale > MaxDigits)
        {
            return 0;
        }
        mantissa = negative ? -mantissa : mantissa;
        return end;
    }

    /// <summary>The nearest double: both operands are exact doubles, and IEEE division rounds correctly.</summary>
    public static double ToDouble(long mantissa, int scale) => mantissa / PowersOfTen[scale];

    private static int ReadDigits(ReadOnlySpan<byte> text, int start, ref long mantissa)
    {
        var end = start;
        for (uint digit; end < text.Length && (digit = (uint)(text[end] - '0')) <= 9; end++)
        {
            mantissa = mantissa * 10 + digit;
        }
        return end;
    }
}
