namespace Scanner.MarketData;

/// <summary>
/// Up to <see cref="Capacity"/> small condition or indicator codes (0-255) packed in one word, so that a
/// trade or quote costs no array allocation. Codes beyond the capacity, or above 255, are counted in
/// <see cref="Dropped"/> rather than silently lost.
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.md.codes")]
public readonly record struct ConditionCodes(ulong Packed, byte Count, byte Dropped)
{
    public const int Capacity = 8;

    public static ConditionCodes Empty => default;

    public int this[int index] => index >= 0 && index < Count
        ? (int)((Packed >> (index * 8)) & 0xFF)
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>A copy with <paramref name="code"/> appended, or counted as dropped when it does not fit.</summary>
    public ConditionCodes Add(int code) =>
        Count < Capacity && (uint)code <= 0xFF
            ? new ConditionCodes(Packed | ((ulong)code << (Count * 8)), (byte)(Count + 1), Dropped)
            : this with { Dropped = (byte)Math.Min(255, Dropped + 1) };

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
