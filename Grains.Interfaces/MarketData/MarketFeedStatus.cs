namespace Scanner.MarketData;

/// <summary>A control message of the feed (<c>ev</c> = <c>status</c>): connected, auth_success, auth_failed, success, ...</summary>
[GenerateSerializer, Immutable, Alias("scanner.md.status")]
public sealed record MarketFeedStatus(string Status, string Message);
