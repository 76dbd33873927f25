using System.Text.RegularExpressions;

namespace Scanner.Silo.Control;

/// <summary>
/// Subscription parameters as operators send them (<c>["T.*","A.*"]</c> or <c>["T.*,A.*"]</c>): split on commas,
/// trimmed, duplicates removed, each checked to be a channel prefix and a target (<c>T.*</c>, <c>Q.AAPL</c>,
/// <c>LULD.*</c>) before anything is sent upstream.
/// </summary>
public static partial class MarketFeedSubscriptionList
{
    public static bool TryNormalize(IEnumerable<string>? requested, out string[] subscriptions, out string error)
    {
        subscriptions = [.. (requested ?? [])
            .SelectMany(item => item.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)];
        if (subscriptions.Length == 0)
        {
            error = "at least one subscription is required, e.g. [\"T.*\",\"A.*\"]";
            return false;
        }
        var invalid = subscriptions.Where(s => !Parameter().IsMatch(s)).ToArray();
        error = invalid.Length == 0 ? "" : $"not a subscription parameter (CHANNEL.TARGET, e.g. T.* or Q.AAPL): {string.Join(", ", invalid)}";
        return invalid.Length == 0;
    }

    [GeneratedRegex(@"^[A-Z]{1,8}\.(\*|[A-Z0-9.\-]{1,16})$", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
