using System.Text;

namespace Scanner.Tests.Unit.Fuzzing;

/// <summary>
/// Mutates well-formed JSON messages into the inputs a parser must survive: bit flips, truncation, splices of two
/// messages, duplicated and removed byte ranges, a value replaced by one of another type, huge numbers and deep
/// nesting. Seeded: the same seed gives the same sequence of inputs.
/// </summary>
internal sealed class JsonMutator(IReadOnlyList<byte[]> seeds, int seed)
{
    /// <summary>Values that confuse a reader expecting another type, or that overflow the one it expects.</summary>
    private static readonly byte[][] ConfusingValues =
    [
        .. new[]
        {
            "\"x\"", "\"\"", "\"\\ud800\"", "\"\\u0000\"", "1", "-1", "0", "-0", "1.5", "12.0", "1e400", "-1e400", "1e-400",
            "9223372036854775808", "-9223372036854775809", "18446744073709551616", "4294967296",
            "99999999999999999999999999999999999999", "true", "false", "null", "[]", "{}", "[1,\"a\"]",
            "{\"ev\":\"T\",\"sym\":\"X\"}", "[{\"ev\":\"Q\"}]", "\"T\"", "\"status\"",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    private readonly Random _random = new(seed);

    /// <summary>The kinds of mutation, for the run's summary.</summary>
    public static readonly string[] Kinds =
        ["bit flip", "truncation", "splice", "duplicated bytes", "removed bytes", "type-confusing value", "huge number", "deep nesting"];

    /// <summary>A seed message with one or two mutations; <paramref name="applied"/> counts them by kind.</summary>
    public byte[] Next(int[] applied)
    {
        var input = seeds[_random.Next(seeds.Count)];
        // Mostly one mutation: stacked byte-level ones nearly always end in invalid JSON, which tests little beyond the first.
        for (var n = _random.Next(4) == 0 ? 2 : 1; n > 0; n--)
        {
            var kind = _random.Next(Kinds.Length);
            applied[kind]++;
            input = kind switch
            {
                0 => FlipBits(input),
                1 => input[.._random.Next(input.Length + 1)],
                2 => Splice(input, seeds[_random.Next(seeds.Count)]),
                3 => Duplicate(input),
                4 => Remove(input),
                5 => ReplaceValue(input, ConfusingValues[_random.Next(ConfusingValues.Length)]),
                6 => ReplaceValue(input, HugeNumber()),
                _ => Nest(input),
            };
        }
        return input;
    }

    private byte[] FlipBits(byte[] input)
    {
        if (input.Length == 0)
        {
            return input;
        }
        var copy = (byte[])input.Clone();
        for (var flips = _random.Next(1, 9); flips > 0; flips--)
        {
            copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        }
        return copy;
    }

    private byte[] Splice(byte[] head, byte[] tail) => [.. head.AsSpan(0, _random.Next(head.Length + 1)), .. tail.AsSpan(_random.Next(tail.Length + 1))];

    private byte[] Duplicate(byte[] input)
    {
        var (start, length) = Range(input);
        return [.. input.AsSpan(0, start + length), .. input.AsSpan(start, length), .. input.AsSpan(start + length)];
    }

    private byte[] Remove(byte[] input)
    {
        var (start, length) = Range(input);
        return [.. input.AsSpan(0, start), .. input.AsSpan(start + length)];
    }

    private (int Start, int Length) Range(byte[] input)
    {
        var start = _random.Next(input.Length + 1);
        return (start, _random.Next(Math.Min(64, input.Length - start) + 1));
    }

    /// <summary>Replaces the value after a random <c>:</c> (up to the next <c>,</c> <c>}</c> or <c>]</c>) with <paramref name="value"/>.</summary>
    private byte[] ReplaceValue(byte[] input, byte[] value) => ReplaceValue(input, _ => value);

    private byte[] ReplaceValue(byte[] input, Func<string, string> replacement) =>
        ReplaceValue(input, old => Encoding.UTF8.GetBytes(replacement(Encoding.UTF8.GetString(old))));

    private byte[] ReplaceValue(byte[] input, Func<byte[], byte[]> replacement)
    {
        var colons = Positions(input, (byte)':');
        if (colons.Count == 0)
        {
            return input;
        }
        var start = colons[_random.Next(colons.Count)] + 1;
        var end = input.AsSpan(start).IndexOfAny(",}]"u8) is var i and >= 0 ? start + i : input.Length;
        return [.. input.AsSpan(0, start), .. replacement(input[start..end]), .. input.AsSpan(end)];
    }

    private byte[] HugeNumber()
    {
        var digits = new string('9', _random.Next(20, 400));
        return Encoding.UTF8.GetBytes(_random.Next(3) switch { 0 => digits, 1 => $"-{digits}.5", _ => $"1{digits}e{digits}" });
    }

    /// <summary>Wraps the value after a random <c>:</c> (or the whole message) in up to 300 arrays or objects.</summary>
    private byte[] Nest(byte[] input)
    {
        var depth = _random.Next(1, 300);
        var (open, close) = _random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        string Wrap(string value) => string.Concat(Enumerable.Repeat(open, depth)) + value + string.Concat(Enumerable.Repeat(close, depth));
        return _random.Next(4) == 0 ? Encoding.UTF8.GetBytes(Wrap(Encoding.UTF8.GetString(input))) : ReplaceValue(input, Wrap);
    }

    private static List<int> Positions(byte[] input, byte value)
    {
        var positions = new List<int>();
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] == value)
            {
                positions.Add(i);
            }
        }
        return positions;
    }
}
