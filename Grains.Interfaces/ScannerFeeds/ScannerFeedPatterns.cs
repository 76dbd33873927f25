namespace Scanner.ScannerFeeds;

/// <summary>
/// What a client may subscribe to: an exact feed name, or a wildcard <c>{family}:*</c> (for example <c>quote:*</c>,
/// <c>daily_range:*</c>, <c>scanners:*</c>) that matches every feed whose name starts with <c>{family}:</c>.
/// A bare <c>*</c> is not a pattern: it would make every silo build every per-symbol feed for one browser; nor are
/// <c>chart:*</c> and <c>trades:*</c> (<see cref="ScannerFeedNames.ExactOnlyPrefixes"/>).
/// </summary>
public static class ScannerFeedPatterns
{
    public const int MaxLength = 64;
    private const string WildcardSuffix = ":*";

    /// <summary>True for a syntactically valid exact feed name or wildcard (letters, digits, <c>_ . - :</c>).</summary>
    public static bool IsValid(string pattern)
    {
        if (pattern.Length is 0 or > MaxLength)
        {
            return false;
        }
        var wildcard = IsWildcard(pattern);
        if (wildcard && ScannerFeedNames.ExactOnlyPrefixes.Contains(PrefixOf(pattern)))
        {
            return false;
        }
        var body = wildcard ? pattern.AsSpan(0, pattern.Length - WildcardSuffix.Length) : pattern.AsSpan();
        if (body.Length == 0 || body[0] == ':' || body[^1] == ':')
        {
            return false;
        }
        foreach (var c in body)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or ':'))
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsWildcard(string pattern) => pattern.EndsWith(WildcardSuffix, StringComparison.Ordinal);

    /// <summary>The prefix a wildcard matches (<c>quote:*</c> gives <c>quote:</c>); only call for wildcards.</summary>
    public static string PrefixOf(string wildcard) => wildcard[..^1];

    public static bool Matches(string pattern, string feed) =>
        IsWildcard(pattern)
            ? feed.Length > pattern.Length - 1 && feed.StartsWith(PrefixOf(pattern), StringComparison.Ordinal)
            : string.Equals(pattern, feed, StringComparison.Ordinal);
}
