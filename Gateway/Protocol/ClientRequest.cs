namespace Scanner.Gateway.Protocol;

/// <summary>
/// One parsed client request. <paramref name="Argument"/> is the api_key for auth, the feed for subscribe and
/// unsubscribe, the cache name for get; <paramref name="Limit"/> only for get; <paramref name="Layouts"/> only for
/// save_layouts: the <c>layouts</c> value exactly as sent (any JSON value; the session decides whether it is acceptable).
/// </summary>
internal readonly record struct ClientRequest(ClientAction Action, string? Argument = null, int? Limit = null, byte[]? Layouts = null)
{
    public static ClientRequest Invalid => default;
}
