namespace Scanner.Gateway.Hosting;

/// <summary>Turns the original's <c>REDIS_URL</c> (<c>redis://[user:pass@]host:port[/db]</c>) into a StackExchange.Redis configuration string.</summary>
internal static class RedisEndpoint
{
    public static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss"))
        {
            return url;
        }
        var parts = new List<string> { $"{uri.Host}:{(uri.Port > 0 ? uri.Port : 6379)}" };
        if (uri.UserInfo.Split(':', 2) is [_, { Length: > 0 } password])
        {
            parts.Add("password=" + Uri.UnescapeDataString(password));
        }
        if (uri.Scheme == "rediss")
        {
            parts.Add("ssl=true");
        }
        if (uri.AbsolutePath.Trim('/') is { Length: > 0 } db && int.TryParse(db, out _))
        {
            parts.Add("defaultDatabase=" + db);
        }
        parts.Add("abortConnect=false");
        return string.Join(',', parts);
    }
}
