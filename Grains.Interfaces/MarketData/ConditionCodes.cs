namespace Scanner.MarketData;

/// <summary>
/// Up to <see cref="Capacity"/> condition or indicator codes (0-65535) packed in two words, so that a trade or quote
/// costs no array allocation. Sixteen bits per code because quote indicators go past 255 (the published quote example
/// carries 604). Codes beyond the capacity, or out of range, are counted in <see cref="Dropped"/> rather than
/// silently lost.
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.md.codes")]
public readonly record struct ConditionCodes(ulong Low, ulong High, byte Count, byte Dropped)
{
    public const int Capacity = 8;
    public const int MaxCode = ushort.MaxValue;

    private const int CodesPerWord = 4;
    private const int BitsPerCode = 16;

    public static ConditionCodes Empty => default;

    public int this[int index] => index >= 0 && index < Count
        ? (int)(((index < CodesPerWord ? Low : High) >> (index % CodesPerWord * BitsPerCode)) & MaxCode)
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>A copy with <paramref name="code"/> appended, or counted as dropped when it does not fit.</summary>
    public ConditionCodes Add(int code)
    {
        if (Count >= Capacity || (uint)code > MaxCode)
        {
            return this with { Dropped = (byte)Math.Min(byte.MaxValue, Dropped + 1) };
        }
        var bits = (ulong)code << (Count % CodesPerWord * BitsPerCode);
        return Count < CodesPerWord
            ? this with { Low = Low | bits, Count = (byte)(Count + 1) }
            : this with { High = High | bits, Count = (byte)(Count + 1) };
    }

    public bool Contains(int code)
    {
        for (var i = 0; i < Count; i++)
        {
            if (this[i] == code)
            {
                return true;
            }
        }
        return false;
    }

    public static ConditionCodes Of(params ReadOnlySpan<int> codes)
    {
        var result = Empty;
        foreach (var code in codes)
        {
            result = result.Add(code);
        }
        return result;
    }

    public int[] ToArray()
    {
        var result = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            result[i] = this[i];
        }
        return result;
    }
}
