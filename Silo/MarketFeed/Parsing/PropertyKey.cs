using System.Text.Json;

namespace Scanner.Silo.MarketFeed.Parsing;

/// <summary>
/// A property name of up to 8 bytes packed little-endian into one word, so that an event reader dispatches on its
/// fields with one <c>switch</c> over constants instead of a chain of text comparisons. Longer names (never used by
/// the feed) are <see cref="Unknown"/>, and so skipped.
/// </summary>
internal static class PropertyKey
{
    public const ulong Unknown = 0;

    private const int MaxEscapedLength = 64;

    // Wire names of the Massive stocks feed (see docs/contracts/market-feed.md and the fixture). ASCII letters are below 0x80, so
    // shifts up to 24 stay positive ints; longer names shift as ulong.
    public const ulong Ev = 'e' | 'v' << 8;
    public const ulong Sym = 's' | 'y' << 8 | 'm' << 16;
    public const ulong TickerT = 'T';
    public const ulong A = 'a';
    public const ulong B = 'b';
    public const ulong C = 'c';
    public const ulong E = 'e';
    public const ulong H = 'h';
    public const ulong I = 'i';
    public const ulong L = 'l';
    public const ulong O = 'o';
    public const ulong P = 'p';
    public const ulong Q = 'q';
    public const ulong S = 's';
    public const ulong T = 't';
    public const ulong V = 'v';
    public const ulong X = 'x';
    public const ulong Z = 'z';
    public const ulong Ap = 'a' | 'p' << 8;
    public const ulong As = 'a' | 's' << 8;
    public const ulong At = 'a' | 't' << 8;
    public const ulong Av = 'a' | 'v' << 8;
    public const ulong Ax = 'a' | 'x' << 8;
    public const ulong Bp = 'b' | 'p' << 8;
    public const ulong Bs = 'b' | 's' << 8;
    public const ulong Bx = 'b' | 'x' << 8;
    public const ulong Dv = 'd' | 'v' << 8;
    public const ulong Op = 'o' | 'p' << 8;
    public const ulong Vw = 'v' | 'w' << 8;
    public const ulong Dav = 'd' | 'a' << 8 | 'v' << 16;
    public const ulong Fmv = 'f' | 'm' << 8 | 'v' << 16;
    public const ulong Otc = 'o' | 't' << 8 | 'c' << 16;
    public const ulong Trfi = 't' | 'r' << 8 | 'f' << 16 | 'i' << 24;
    public const ulong Trft = 't' | 'r' << 8 | 'f' << 16 | 't' << 24;
    public const ulong Status = 's' | 't' << 8 | 'a' << 16 | 't' << 24 | (ulong)'u' << 32 | (ulong)'s' << 40;
    public const ulong Message = 'm' | 'e' << 8 | 's' << 16 | 's' << 24 | (ulong)'a' << 32 | (ulong)'g' << 40 | (ulong)'e' << 48;

    /// <summary>The key of the property name the reader is on.</summary>
    public static ulong Of(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Pack(reader.ValueSpan);
        }

        // Escaped names ("\u0073ym") are legal JSON but never sent in practice: unescape on the stack.
        if (reader.ValueSpan.Length > MaxEscapedLength)
        {
            return Unknown;
        }
        Span<byte> name = stackalloc byte[MaxEscapedLength];
        try
        {
            return Pack(name[..reader.CopyString(name)]);
        }
        catch (InvalidOperationException)
        {
            return Unknown; // an unpaired surrogate: not one of ours
        }
    }

    public static ulong Pack(ReadOnlySpan<byte> name) =>
        name.Length is 0 or > PackedName.MaxLength ? Unknown : PackedName.Of(name);
}
