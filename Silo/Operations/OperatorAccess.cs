using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Scanner.Silo.Operations;

/// <summary>
/// Who may see the dashboard and the operator endpoints: it shows grain state and logs, so by default only
/// loopback; with <c>Operator:Password</c> set, anyone presenting it with HTTP Basic auth (user <c>operator</c>).
/// </summary>
public static class OperatorAccess
{
    public const string PolicyName = "operator";

    public static IServiceCollection AddOperatorAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var password = configuration["Operator:Password"] ?? "";
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy.RequireAssertion(context =>
            context.Resource is HttpContext http && IsOperator(http, password)));
        return services;
    }

    public static bool IsOperator(HttpContext http, string password)
    {
        if (password.Length == 0)
        {
            return http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
        }
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var expected = Encoding.UTF8.GetBytes("operator:" + password);
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(decoded), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
