namespace Scanner.Scanners;

/// <summary>Selects the best <c>k</c> eligible rows of a ranking scanner, in rank order.</summary>
public static class TopK
{
    public static ScannerRow[] Select(IEnumerable<ScannerRow> rows, RankingScanner scanner, int k = RankingScanner.Size)
    {
        var eligible = new List<ScannerRow>();
        foreach (var row in rows)
        {
            if (scanner.IsEligible(row))
            {
                eligible.Add(row);
            }
        }
        eligible.Sort(scanner);
        if (eligible.Count > k)
        {
            eligible.RemoveRange(k, eligible.Count - k);
        }
        return [.. eligible];
    }

    /// <summary>Merges per-shard top-k lists (each already a top-k of disjoint symbols) into the global top-k.</summary>
    public static ScannerRow[] Merge(IEnumerable<IReadOnlyList<ScannerRow>> lists, RankingScanner scanner, int k = RankingScanner.Size) =>
        Select(lists.SelectMany(static l => l), scanner, k);
}
