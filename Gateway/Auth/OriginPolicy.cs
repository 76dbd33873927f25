using Microsoft.Extensions.Options;
using Scanner.Gateway.Hosting;

namespace Scanner.Gateway.Auth;

/// <summary>
/// Browser connections must come from the gateway's own origin or a configured one; requests without an Origin
/// header (not from a browser) pass, since they cannot be driven by another site.
/// </summary>
internal sealed class OriginPolicy(IOptions<GatewayOptions> options)
{
    public bool IsAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        if (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        foreach (var allowed in options.Value.AllowedOrigins)
        {
            if (allowed == "*" || string.Equals(allowed.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
