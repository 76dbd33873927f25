using System.Collections.Frozen;

namespace Scanner.ScannerFeeds;

/// <summary>
/// A set of exact feed names and wildcards, matched in O(1) for exact names plus one prefix check per wildcard
/// family (there are only a handful). Immutable: build a new one when interest changes.
/// </summary>
public sealed class ScannerFeedInterestSet
{
    private readonly FrozenSet<string> _exact;
    private readonly string[] _prefixes;

    public ScannerFeedInterestSet(IEnumerable<string> patterns)
    {
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            if (ScannerFeedPatterns.IsWildcard(pattern))
            {
                prefixes.Add(ScannerFeedPatterns.PrefixOf(pattern));
            }
            else
            {
                exact.Add(pattern);
            }
        }
        _exact = exact.ToFrozenSet(StringComparer.Ordinal);
        _prefixes = [.. prefixes];
    }

    public static ScannerFeedInterestSet Empty { get; } = new([]);

    public bool IsEmpty => _exact.Count == 0 && _prefixes.Length == 0;

    public bool Matches(string feed)
    {
        if (_exact.Contains(feed))
        {
            return true;
        }
        foreach (var prefix in _prefixes)
        {
            if (feed.Length > prefix.Length && feed.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
