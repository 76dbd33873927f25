namespace Scanner.ServiceDefaults.Configuration;

/// <summary>
/// Reads a Redis endpoint given as <c>redis://[user:pass@]host[:port][/db]</c>, <c>rediss://</c> (TLS) or a
/// StackExchange.Redis configuration string (<c>host:port[,option=value...]</c>), the one way every process does.
/// </summary>
public static class RedisEndpoint
{
    public const int DefaultPort = 6379;

    /// <summary>The StackExchange.Redis configuration string; never aborts on a failed first connect (it retries).</summary>
    public static string ToConfiguration(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        if (!endpoint.Contains("://", StringComparison.Ordinal))
        {
            return endpoint.Contains("abortConnect", StringComparison.OrdinalIgnoreCase) ? endpoint : endpoint + ",abortConnect=false";
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss") || uri.Host.Length == 0)
        {
            throw new FormatException($"A Redis endpoint must be redis://[user:pass@]host[:port][/db], rediss://... or host:port; got: {Redact(endpoint)}");
        }
        var parts = new List<string> { $"{uri.Host}:{(uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port)}" };
        var credentials = uri.UserInfo.Split(':', 2);
        if (credentials is [{ Length: > 0 } user, _])
        {
            parts.Add("user=" + Uri.UnescapeDataString(user));
        }
        if (credentials is [_, { Length: > 0 } password])
        {
            parts.Add("password=" + Uri.UnescapeDataString(password));
        }
        if (uri.Scheme == "rediss")
        {
            parts.Add("ssl=true");
        }
        if (uri.AbsolutePath.Trim('/') is { Length: > 0 } db)
        {
            if (!int.TryParse(db, out _))
            {
                throw new FormatException($"The database of a Redis URL is a number (redis://host:6379/0); got: {Redact(endpoint)}");
            }
            parts.Add("defaultDatabase=" + db);
        }
        parts.Add("abortConnect=false");
        return string.Join(',', parts);
    }

    /// <summary>The host and port of <paramref name="endpoint"/>, for a reachability probe.</summary>
    public static (string Host, int Port) HostAndPort(string endpoint)
    {
        var first = ToConfiguration(endpoint).Split(',')[0];
        var colon = first.LastIndexOf(':');
        return colon > 0 && int.TryParse(first[(colon + 1)..], out var port) ? (first[..colon], port) : (first, DefaultPort);
    }

    /// <summary>The endpoint without its password, for messages.</summary>
    public static string Redact(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? endpoint.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal)
            : endpoint;
}
