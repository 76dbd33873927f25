using System.ComponentModel.DataAnnotations;

namespace Scanner.Gateway.Auth;

/// <summary>
/// Client authentication (section <c>Auth</c>; env aliases AUTH_ENABLED, AUTH_TOKEN_SECRET, AUTH_API_KEY,
/// AUTH_ALLOW_STATIC_KEY, AUTH_DEMO_USER).
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    public bool Enabled { get; set; }

    /// <summary>HMAC-SHA256 key of the tokens. Unset: a random key per process (tokens die with it).</summary>
    public string? TokenSecret { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Compatibility mode: also accept the original's single static <see cref="ApiKey"/>.</summary>
    public bool AllowStaticKey { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Users who may mint tokens: name to password (<c>Auth:Users:alice=secret</c>).</summary>
    public Dictionary<string, string> Users { get; set; } = [];

    /// <summary>Adds the user demo/demo; for the local demo only.</summary>
    public bool DemoUser { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TokenLifetime <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:{nameof(TokenLifetime)} must be positive (got {TokenLifetime})", [nameof(TokenLifetime)]);
        }
        if (AllowStaticKey && string.IsNullOrEmpty(ApiKey))
        {
            yield return new ValidationResult($"{Section}:{nameof(ApiKey)} (AUTH_API_KEY) is required when {Section}:{nameof(AllowStaticKey)} is on", [nameof(ApiKey)]);
        }
    }
}
