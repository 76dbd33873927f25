using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Scanner.Silo.Operations;

/// <summary>
/// The "Operator" authentication scheme: HTTP Basic over <see cref="OperatorCredentials"/>. Its challenge is a 401
/// with <c>WWW-Authenticate: Basic</c> (so a browser asks for the password), or a 403 with the reason when no
/// password is configured and the caller is not on loopback (a password prompt could not succeed).
/// </summary>
public sealed partial class OperatorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    OperatorCredentials credentials) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Operator";
    private const string Realm = "Scanner operator";

    private readonly ILogger _log = loggerFactory.CreateLogger<OperatorAuthenticationHandler>();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var remote = Context.Connection.RemoteIpAddress;
        if (!credentials.PasswordRequired)
        {
            return Task.FromResult(OperatorCredentials.IsLocal(remote)
                ? Success(OperatorCredentials.LoopbackOperator)
                : AuthenticateResult.NoResult());
        }
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (credentials.Verify(header) is { } user)
        {
            return Task.FromResult(Success(user));
        }
        LogRefused(_log, remote?.ToString() ?? "unknown", Request.Path);
        return Task.FromResult(AuthenticateResult.Fail("invalid operator credentials"));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (credentials.PasswordRequired)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
            return;
        }
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsync("Operator endpoints answer loopback only: set Operator:Password to sign in from elsewhere.");
    }

    private AuthenticateResult Success(string user)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator sign-in refused from {Address} for {Path}: wrong user or password")]
    private static partial void LogRefused(ILogger logger, string address, PathString path);
}
