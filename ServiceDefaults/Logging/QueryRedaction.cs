using Microsoft.AspNetCore.Http;

namespace Scanner.ServiceDefaults.Logging;

/// <summary>Masks the values of credential-bearing query parameters (<c>?token=</c>, <c>apiKey</c>, ...) before a URL is logged.</summary>
public static class QueryRedaction
{
    public const string Mask = "***";

    private static readonly HashSet<string> Secrets = new(StringComparer.OrdinalIgnoreCase)
    {
        "token", "access_token", "apiKey", "api_key", "key", "password", "secret",
    };

    public static string Redact(QueryString query)
    {
        if (!query.HasValue)
        {
            return "";
        }
        var pairs = query.Value!.TrimStart('?').Split('&');
        for (var i = 0; i < pairs.Length; i++)
        {
            var equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pairs[i] : pairs[i][..equals]);
            if (equals >= 0 && Secrets.Contains(name))
            {
                pairs[i] = pairs[i][..(equals + 1)] + Mask;
            }
        }
        return "?" + string.Join('&', pairs);
    }
}
