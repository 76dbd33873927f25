namespace Scanner.Gateway.Protocol;

/// <summary>
/// One parsed client request. <paramref name="Argument"/> is the api_key for auth, the feed for subscribe and
/// unsubscribe, the cache name for get; <paramref name="Limit"/> only for get.
/// </summary>
internal readonly record struct ClientRequest(ClientAction Action, string? Argument = null, int? Limit = null)
{
    public static ClientRequest Invalid => default;
}
