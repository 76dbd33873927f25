using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Scanner.Gateway.Auth;

/// <summary>
/// Short-lived JSON Web Tokens (RFC 7519, HS256, Microsoft.IdentityModel.JsonWebTokens): the current signing key
/// (<see cref="AuthOptions.CurrentSigningKey"/>) signs and names itself in the header's <c>kid</c>; every configured
/// key validates, so a key rotated out of signing keeps its tokens valid until it is removed. Only HS256 with a
/// known key, this issuer and audience, and an unexpired lifetime by the injected clock pass.
/// </summary>
internal sealed class TokenService
{
    public const string Issuer = "scanner-gateway";
    public const string Audience = "scanner";

    /// <summary>The claim carrying the user's session generation when the token was minted (see <c>IUserSessionsGrain</c>).</summary>
    public const string SessionGenerationClaim = "sgen";
    private const int MaxTokenLength = 2048;

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SigningCredentials _signing;
    private readonly TokenValidationParameters _validation;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _clock;

    public TokenService(IOptions<AuthOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        var keys = settings.AllSigningKeys().ToDictionary(k => k.Key, k => KeyOf(k.Key, k.Value));
        var current = settings.CurrentKeyId();
        if (current is null)
        {
            // No key configured: a random one per process (tokens die with it).
            current = "ephemeral";
            keys[current] = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = current };
        }
        _signing = new SigningCredentials(keys[current], SecurityAlgorithms.HmacSha256);
        _lifetime = settings.TokenLifetime;
        _clock = clock;
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKeys = keys.Values,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            // Lifetime by the injected clock, not the library's wall clock, and without its five minutes of skew.
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } end && end > _clock.GetUtcNow().UtcDateTime && (notBefore is not { } start || start <= _clock.GetUtcNow().UtcDateTime),
        };
    }

    public (string Token, DateTimeOffset ExpiresAt) Mint(string subject, int sessionGeneration = 0)
    {
        var now = _clock.GetUtcNow();
        var expiresAt = now + _lifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, subject)]),
            Claims = new Dictionary<string, object> { [SessionGenerationClaim] = sessionGeneration },
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = _signing,
        });
        // The token's exp has whole seconds: report that instant.
        return (token, DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()));
    }

    public TokenCheck Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return new(TokenStatus.Invalid);
        }
        var result = _handler.ValidateTokenAsync(token, _validation).GetAwaiter().GetResult(); // in-memory keys: completes synchronously
        if (!result.IsValid)
        {
            return new(result.Exception is SecurityTokenInvalidLifetimeException ? TokenStatus.Expired : TokenStatus.Invalid);
        }
        if (!result.Claims.TryGetValue(JwtRegisteredClaimNames.Sub, out var sub) || sub is not string { Length: > 0 } subject)
        {
            return new(TokenStatus.Invalid);
        }
        var generation = result.Claims.TryGetValue(SessionGenerationClaim, out var value) ? value switch { int i => i, long l => (int)l, _ => -1 } : 0;
        return new(TokenStatus.Valid, subject, generation);
    }

    /// <summary>HS256 wants 256 bits of key: the secret is hashed to exactly that (its strength stays the secret's).</summary>
    private static SymmetricSecurityKey KeyOf(string id, string secret) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(secret))) { KeyId = id };
}
