using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Scanner.Gateway.Auth;

/// <summary>
/// Decides whether a credential (from the auth action, the <c>token</c> query parameter or a bearer header) is good:
/// a signed token whose subject is still in the <see cref="UserDirectory"/>, or the static API key when compatibility
/// mode allows it.
/// </summary>
internal sealed class ClientAuthenticator(TokenService tokens, UserDirectory users, IOptions<AuthOptions> options)
{
    /// <summary>The subject given to clients that authenticate with the static key.</summary>
    public const string StaticKeySubject = "api-key";

    public bool Enabled => options.Value.Enabled;

    public TokenCheck Authenticate(string? credential)
    {
        var settings = options.Value;
        if (settings is { AllowStaticKey: true, ApiKey.Length: > 0 } && credential is not null && SameSecret(credential, settings.ApiKey))
        {
            return new(TokenStatus.Valid, StaticKeySubject);
        }
        var check = tokens.Validate(credential);
        return check.IsValid && !users.Exists(check.Subject!) ? new(TokenStatus.UnknownUser) : check;
    }

    /// <summary>Compares in constant time (over hashes, so the length of the secret does not leak either).</summary>
    public static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
