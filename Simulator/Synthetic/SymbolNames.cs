namespace Scanner.Simulator.Synthetic;

/// <summary>Deterministic, distinct ticker codes of 1 to 5 letters, mostly 3 and 4 as on the real tape.</summary>
public static class SymbolNames
{
    public static string[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var result = new string[count];
        Span<char> letters = stackalloc char[5];
        var made = 0;
        while (made < count)
        {
            var roll = random.NextDouble();
            // Short codes run out fast (26 one-letter codes), so when a length is exhausted the longer ones take over.
            var length = roll < 0.005 ? 1 : roll < 0.04 ? 2 : roll < 0.35 ? 3 : roll < 0.92 ? 4 : 5;
            for (var i = 0; i < length; i++)
            {
                letters[i] = (char)('A' + random.Next(26));
            }
            var name = new string(letters[..length]);
            if (names.Add(name))
            {
                result[made++] = name;
            }
        }
        return result;
    }
}
