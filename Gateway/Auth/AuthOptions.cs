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

    /// <summary>The window of the login rate limits below.</summary>
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Login attempts per client address per <see cref="LoginWindow"/> (429 beyond).</summary>
    public int LoginsPerAddress { get; set; } = 30;

    /// <summary>Login attempts per user name per <see cref="LoginWindow"/> (429 beyond).</summary>
    public int LoginsPerUser { get; set; } = 20;

    /// <summary>Wrong passwords within <see cref="LockoutDuration"/> that lock the user name for that long.</summary>
    public int LockoutFailures { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        (string Name, TimeSpan Value)[] durations =
            [(nameof(TokenLifetime), TokenLifetime), (nameof(LoginWindow), LoginWindow), (nameof(LockoutDuration), LockoutDuration)];
        foreach (var (name, value) in durations.Where(d => d.Value <= TimeSpan.Zero))
        {
            yield return new ValidationResult($"{Section}:{name} must be positive (got {value})", [name]);
        }
        (string Name, int Value)[] counts =
            [(nameof(LoginsPerAddress), LoginsPerAddress), (nameof(LoginsPerUser), LoginsPerUser), (nameof(LockoutFailures), LockoutFailures)];
        foreach (var (name, value) in counts.Where(c => c.Value < 1))
        {
            yield return new ValidationResult($"{Section}:{name} must be at least 1 (got {value})", [name]);
        }
        if (AllowStaticKey && string.IsNullOrEmpty(ApiKey))
        {
            yield return new ValidationResult($"{Section}:{nameof(ApiKey)} (AUTH_API_KEY) is required when {Section}:{nameof(AllowStaticKey)} is on", [nameof(ApiKey)]);
        }
    }
}
