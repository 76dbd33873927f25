using System.ComponentModel.DataAnnotations;

namespace Scanner.Gateway.Auth;

/// <summary>
/// Client authentication (section <c>Auth</c>; env aliases AUTH_ENABLED, AUTH_TOKEN_SECRET, AUTH_SIGNING_KEY,
/// AUTH_API_KEY, AUTH_ALLOW_STATIC_KEY). No user exists unless configured: the local demo passes its own.
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    public bool Enabled { get; set; }

    /// <summary>The id of the key that signs new tokens; the other <see cref="SigningKeys"/> only validate.</summary>
    public const string SingleKeyId = "default";

    /// <summary>
    /// One signing key (id <see cref="SingleKeyId"/>), the short form of <see cref="SigningKeys"/>. No key at all: a
    /// random one per process (tokens die with it).
    /// </summary>
    public string? TokenSecret { get; set; }

    /// <summary>Signing keys by id (<c>Auth:SigningKeys:{id}={secret}</c>): rotate by adding a key, making it current, and
    /// removing the old one once its tokens expired (after <see cref="TokenLifetime"/>).</summary>
    public Dictionary<string, string> SigningKeys { get; set; } = [];

    /// <summary>The id of the key that signs (required with several keys).</summary>
    public string? CurrentSigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How old the reading of a user's session generation may be when a socket authenticates: a token signed
    /// out of on another gateway still opens sockets here for at most this long (zero: ask the cluster every time).</summary>
    public TimeSpan SessionCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Compatibility mode: also accept the original's single static <see cref="ApiKey"/>.</summary>
    public bool AllowStaticKey { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Users who may mint tokens: name to password (<c>Auth:Users:alice=secret</c>).</summary>
    public Dictionary<string, string> Users { get; set; } = [];

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
        if (SessionCacheDuration < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:{nameof(SessionCacheDuration)} must not be negative (got {SessionCacheDuration})", [nameof(SessionCacheDuration)]);
        }
        (string Name, int Value)[] counts =
            [(nameof(LoginsPerAddress), LoginsPerAddress), (nameof(LoginsPerUser), LoginsPerUser), (nameof(LockoutFailures), LockoutFailures)];
        foreach (var (name, value) in counts.Where(c => c.Value < 1))
        {
            yield return new ValidationResult($"{Section}:{name} must be at least 1 (got {value})", [name]);
        }
        var keys = AllSigningKeys().ToList();
        if (keys.Any(k => string.IsNullOrEmpty(k.Value)))
        {
            yield return new ValidationResult($"{Section}:{nameof(SigningKeys)} must not hold an empty secret", [nameof(SigningKeys)]);
        }
        if (keys.Count > 1 && !keys.Any(k => k.Key == CurrentSigningKey))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(CurrentSigningKey)} (AUTH_SIGNING_KEY) must name one of the signing keys ({string.Join(", ", keys.Select(k => k.Key))}); got '{CurrentSigningKey}'",
                [nameof(CurrentSigningKey)]);
        }
        if (Enabled && Users.Count == 0 && !AllowStaticKey)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(Enabled)} is on but nobody can log in: configure users as {Section}:{nameof(Users)}:{{name}}={{password}} " +
                "(environment Auth__Users__{name}); there is no default user", [nameof(Users)]);
        }
        if (AllowStaticKey && string.IsNullOrEmpty(ApiKey))
        {
            yield return new ValidationResult($"{Section}:{nameof(ApiKey)} (AUTH_API_KEY) is required when {Section}:{nameof(AllowStaticKey)} is on", [nameof(ApiKey)]);
        }
    }

    /// <summary><see cref="SigningKeys"/> plus <see cref="TokenSecret"/> under <see cref="SingleKeyId"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> AllSigningKeys() =>
        string.IsNullOrEmpty(TokenSecret) ? SigningKeys : SigningKeys.Append(new(SingleKeyId, TokenSecret));

    /// <summary>The id of the key that signs: the one named, or the only one; null when none is configured.</summary>
    public string? CurrentKeyId()
    {
        var keys = AllSigningKeys().Select(k => k.Key).ToList();
        return keys.Count == 0 ? null : CurrentSigningKey ?? keys.Single();
    }
}
