using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Scanner.Gateway.Auth;

/// <summary>
/// Decides whether a credential (from the auth action, the <c>token</c> query parameter or a bearer header) is good:
/// a signed token whose subject is still in the <see cref="UserDirectory"/> and whose session the user has not signed
/// out of (<see cref="SessionGenerations"/>), or the static API key when compatibility mode allows it.
/// </summary>
internal sealed class ClientAuthenticator(TokenService tokens, UserDirectory users, SessionGenerations sessions, IOptions<AuthOptions> options)
{
    /// <summary>The subject given to clients that authenticate with the static key.</summary>
    public const string StaticKeySubject = "api-key";

    public bool Enabled => options.Value.Enabled;

    /// <param name="freshSession">Ask the cluster for the user's session generation rather than a recent reading
    /// (for renew and logout; sockets use the reading).</param>
    public async Task<TokenCheck> AuthenticateAsync(string? credential, bool freshSession, CancellationToken cancellation)
    {
        var settings = options.Value;
        if (settings is { AllowStaticKey: true, ApiKey.Length: > 0 } && credential is not null && SameSecret(credential, settings.ApiKey))
        {
            return new(TokenStatus.Valid, StaticKeySubject);
        }
        var check = tokens.Validate(credential);
        if (!check.IsValid)
        {
            return check;
        }
        if (!users.Exists(check.Subject!))
        {
            return new(TokenStatus.UnknownUser);
        }
        return await sessions.IsCurrentAsync(check.Subject!, check.SessionGeneration, freshSession, cancellation).ConfigureAwait(false) switch
        {
            true => check,
            false => new(TokenStatus.SignedOut),
            null => new(TokenStatus.SessionUnknown),
        };
    }

    /// <summary>Compares in constant time (over hashes, so the length of the secret does not leak either).</summary>
    public static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
