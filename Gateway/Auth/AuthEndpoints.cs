using Microsoft.Extensions.Options;
using Scanner.Gateway.Health;

namespace Scanner.Gateway.Auth;

/// <summary>
/// <c>POST /auth/token</c> (log in, get a short-lived token), <c>POST /auth/renew</c> (a valid token for a fresh one,
/// so a page open all day never asks again), <c>POST /auth/logout</c> (ends every session of the token's user, on every
/// gateway: their tokens are no longer renewed) and <c>GET /auth/config</c> (does the page need to log in).
/// </summary>
internal static class AuthEndpoints
{
    /// <summary>Longer names are refused outright, so they never become rate limit or lockout keys.</summary>
    private const int MaxUserNameLength = 128;

    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/token", async (HttpRequest request, UserDirectory users, TokenService tokens, LoginRateLimits limits, LoginLockout lockout, SessionGenerations sessions, GatewayMetrics metrics, CancellationToken cancellation) =>
        {
            var (login, status) = await LoginRequest.ReadAsync(request, cancellation);
            if (login is null)
            {
                metrics.AuthFailed();
                return Results.Json(new { error = status == StatusCodes.Status413PayloadTooLarge ? "request too large" : "invalid request" }, statusCode: status);
            }
            if (login is not { Username.Length: > 0 and <= MaxUserNameLength } || login.Password is null)
            {
                metrics.AuthFailed();
                return InvalidCredentials();
            }
            var user = login.Username;
            if ((lockout.LockedFor(user) ?? limits.TryAttempt(user)) is { } retryAfter)
            {
                metrics.AuthFailed();
                return LoginRateLimits.TooManyAttempts(retryAfter);
            }
            if (!users.Check(user, login.Password))
            {
                metrics.AuthFailed();
                lockout.Failed(user);
                return InvalidCredentials();
            }
            lockout.Succeeded(user);
            var (token, expiresAt) = tokens.Mint(user, await sessions.CurrentAsync(user, cancellation));
            return Results.Json(new { token, expires_at = expiresAt.ToUnixTimeMilliseconds() });
        }).RequireRateLimiting(LoginRateLimits.PerAddressPolicy);
        app.MapPost("/auth/renew", async (HttpRequest request, ClientAuthenticator authenticator, TokenService tokens, LoginRateLimits limits, GatewayMetrics metrics, CancellationToken cancellation) =>
        {
            if (await CurrentSessionOf(request, authenticator, cancellation) is not { } check)
            {
                metrics.AuthFailed();
                return InvalidToken();
            }
            if (limits.TryAttempt(check.Subject!) is { } retryAfter)
            {
                metrics.AuthFailed();
                return LoginRateLimits.TooManyAttempts(retryAfter);
            }
            var (token, expiresAt) = tokens.Mint(check.Subject!, check.SessionGeneration);
            return Results.Json(new { token, expires_at = expiresAt.ToUnixTimeMilliseconds() });
        }).RequireRateLimiting(LoginRateLimits.PerAddressPolicy);
        app.MapPost("/auth/logout", async (HttpRequest request, ClientAuthenticator authenticator, SessionGenerations sessions, GatewayMetrics metrics, CancellationToken cancellation) =>
        {
            if (await CurrentSessionOf(request, authenticator, cancellation) is not { } check)
            {
                metrics.AuthFailed();
                return InvalidToken();
            }
            await sessions.SignOutAsync(check.Subject!, cancellation);
            return Results.NoContent();
        }).RequireRateLimiting(LoginRateLimits.PerAddressPolicy);
        app.MapGet("/auth/config", (IOptions<AuthOptions> options) => Results.Json(new { auth_enabled = options.Value.Enabled }));
    }

    /// <summary>The bearer token's check when it is a valid user token of the user's current session, as the cluster
    /// tells now (the static key of the compatibility mode is no session), else null.</summary>
    private static async Task<TokenCheck?> CurrentSessionOf(HttpRequest request, ClientAuthenticator authenticator, CancellationToken cancellation)
    {
        var check = await authenticator.AuthenticateAsync(BearerOf(request), freshSession: true, cancellation);
        return check.IsValid && check.Subject != ClientAuthenticator.StaticKeySubject ? check : null;
    }

    private static IResult InvalidToken() =>
        Results.Json(new { error = "invalid token" }, statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null.</summary>
    internal static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static IResult InvalidCredentials() =>
        Results.Json(new { error = "invalid credentials" }, statusCode: StatusCodes.Status401Unauthorized);
}
