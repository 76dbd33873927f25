using Microsoft.Extensions.Options;
using Scanner.Gateway.Health;

namespace Scanner.Gateway.Auth;

/// <summary><c>POST /auth/token</c> (log in, get a short-lived token) and <c>GET /auth/config</c> (does the page need to log in).</summary>
internal static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/token", (LoginRequest? login, UserDirectory users, TokenService tokens, GatewayMetrics metrics) =>
        {
            if (login is null || !users.Check(login.Username, login.Password))
            {
                metrics.AuthFailed();
                return Results.Json(new { error = "invalid credentials" }, statusCode: StatusCodes.Status401Unauthorized);
            }
            var (token, expiresAt) = tokens.Mint(login.Username!);
            return Results.Json(new { token, expires_at = expiresAt.ToUnixTimeMilliseconds() });
        });
        app.MapGet("/auth/config", (IOptions<AuthOptions> options) => Results.Json(new { auth_enabled = options.Value.Enabled }));
    }

    internal sealed record LoginRequest(string? Username, string? Password);
}
