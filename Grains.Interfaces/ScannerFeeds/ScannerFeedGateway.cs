namespace Scanner.ScannerFeeds;

/// <summary>
/// One gateway process: its observer and the per-symbol feeds its clients want (exact names or wildcards such as
/// <c>quote:*</c>, sorted, distinct). List feeds go to every gateway whatever its interest.
/// </summary>
[GenerateSerializer, Immutable, Alias("scanner.feeds.gateway")]
public sealed record ScannerFeedGateway(IScannerFeedObserver Observer, string[] Interests);
