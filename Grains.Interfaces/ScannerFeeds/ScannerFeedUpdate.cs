namespace Scanner.ScannerFeeds;

/// <summary>
/// The current value of one published feed (a scanner ranking, an alert list, <c>quote:{SYM}</c>, ...):
/// UTF-8 JSON, serialised once by the grain that owns the feed and forwarded as-is to browsers.
/// <paramref name="Version"/> increases with every publication of that feed, so a reader that got a value
/// can tell an older update from a newer one. <paramref name="PublishedAt"/> is Unix ms (for latency and
/// freshness).
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.feeds.update")]
public sealed record ScannerFeedUpdate(string Feed, byte[] Payload, long Version, long PublishedAt);
