using Microsoft.AspNetCore.Http;

namespace Scanner.Simulator.Rest;

/// <summary>The REST key check of Massive: <c>?apiKey=KEY</c> or <c>Authorization: Bearer KEY</c>.</summary>
public static class RestApiKey
{
    public static bool IsAuthorized(HttpRequest request, string expected)
    {
        if (request.Query.TryGetValue("apiKey", out var query) && string.Equals(query.ToString(), expected, StringComparison.Ordinal))
        {
            return true;
        }
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
            && string.Equals(header[bearer.Length..].Trim(), expected, StringComparison.Ordinal);
    }
}
