using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Scanner.Gateway.Auth;

/// <summary>
/// Short-lived signed tokens: <c>base64url({"sub":S,"exp":unix_s}) "." base64url(HMAC-SHA256(secret, first part))</c>.
/// The signature is checked in constant time before the payload is even parsed.
/// </summary>
internal sealed class TokenService
{
    private const int MaxTokenLength = 1024;
    private readonly byte[] _secret;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _clock;

    public TokenService(IOptions<AuthOptions> options, TimeProvider clock)
    {
        var secret = options.Value.TokenSecret;
        _secret = string.IsNullOrEmpty(secret) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(secret);
        _lifetime = options.Value.TokenLifetime;
        _clock = clock;
    }

    public (string Token, DateTimeOffset ExpiresAt) Mint(string subject)
    {
        var expiresAt = _clock.GetUtcNow() + _lifetime;
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(subject, expiresAt.ToUnixTimeSeconds()));
        var body = Base64Url.EncodeToString(payload);
        return (body + "." + Base64Url.EncodeToString(Sign(Encoding.ASCII.GetBytes(body))), expiresAt);
    }

    public TokenCheck Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return new(TokenStatus.Invalid);
        }
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot != token.LastIndexOf('.'))
        {
            return new(TokenStatus.Invalid);
        }
        var body = token[..dot];
        TokenPayload? payload;
        try
        {
            var signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            if (!CryptographicOperations.FixedTimeEquals(signature, Sign(Encoding.ASCII.GetBytes(body))))
            {
                return new(TokenStatus.Invalid);
            }
            payload = JsonSerializer.Deserialize<TokenPayload>(Base64Url.DecodeFromChars(body));
        }
        catch (Exception error) when (error is JsonException or FormatException)
        {
            return new(TokenStatus.Invalid);
        }
        if (payload is not { Sub.Length: > 0 })
        {
            return new(TokenStatus.Invalid);
        }
        return payload.Exp > _clock.GetUtcNow().ToUnixTimeSeconds()
            ? new(TokenStatus.Valid, payload.Sub)
            : new(TokenStatus.Expired);
    }

    private byte[] Sign(byte[] data) => HMACSHA256.HashData(_secret, data);

    private sealed record TokenPayload(
        [property: System.Text.Json.Serialization.JsonPropertyName("sub")] string Sub,
        [property: System.Text.Json.Serialization.JsonPropertyName("exp")] long Exp);
}
