using System.Net;
using Microsoft.AspNetCore.Http;
using Scanner.Simulator.Rest;

namespace Scanner.Simulator.Control;

/// <summary>
/// Who may steer the simulator: a caller presenting its API key (as for REST: <c>?apiKey=</c> or
/// <c>Authorization: Bearer</c>), or one on this machine's loopback address.
/// </summary>
public static class SimulatorControlAccess
{
    /// <summary>Who asked, for the action log; null when refused.</summary>
    public static string? Caller(HttpContext http, string apiKey)
    {
        var address = http.Connection.RemoteIpAddress;
        if (RestApiKey.IsAuthorized(http.Request, apiKey))
        {
            return $"api-key@{address}";
        }
        return address is not null && IsLoopbackAddress(address) ? $"loopback@{address}" : null;
    }

    private static bool IsLoopbackAddress(IPAddress address) =>
        (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address) is var a && (a.Equals(IPAddress.Loopback) || a.Equals(IPAddress.IPv6Loopback));
}
