namespace Scanner.Simulator.Synthetic;

/// <summary>
/// Deterministic, distinct synthetic ticker codes: <see cref="Prefix"/> followed by 1 to 4 letters, mostly 3 and 4
/// letters in all, as on the real tape. The prefix tells synthetic symbols from the replayed real ones (SPY, AIG,
/// BAC, IBM), which can then share one feed.
/// </summary>
public static class SymbolNames
{
    public const char Prefix = 'Z';

    public static string[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var result = new string[count];
        Span<char> letters = stackalloc char[5];
        letters[0] = Prefix;
        var made = 0;
        while (made < count)
        {
            var roll = random.NextDouble();
            // Short codes run out fast (26 two-letter codes), so when a length is exhausted the longer ones take over.
            var length = roll < 0.01 ? 2 : roll < 0.35 ? 3 : roll < 0.90 ? 4 : 5;
            for (var i = 1; i < length; i++)
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
