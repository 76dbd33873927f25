using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Scanner.Gateway.Auth;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Unit.Gateway.Auth;

public class TokenServiceTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 14, 30, 0, TimeSpan.Zero));

    private TokenService Tokens(string secret = "s3cret", int minutes = 15) =>
        new(Options.Create(new AuthOptions { TokenSecret = secret, TokenLifetime = TimeSpan.FromMinutes(minutes) }), _clock);

    [Fact]
    public void A_minted_token_is_valid_for_its_subject_until_it_expires()
    {
        var tokens = Tokens();
        var (token, expiresAt) = tokens.Mint("alice");
        Assert.Equal(_clock.GetUtcNow().AddMinutes(15), expiresAt);
        Assert.Equal(new TokenCheck(TokenStatus.Valid, "alice"), tokens.Validate(token));
        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.True(tokens.Validate(token).IsValid);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(TokenStatus.Expired, tokens.Validate(token).Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void A_token_carries_the_session_generation_it_was_minted_in(int generation)
    {
        var tokens = Tokens();
        var (token, _) = tokens.Mint("alice", generation);
        Assert.Equal(new TokenCheck(TokenStatus.Valid, "alice", generation), tokens.Validate(token));
    }

    [Fact]
    public void A_token_signed_with_another_secret_is_rejected()
    {
        var (token, _) = Tokens("other").Mint("alice");
        Assert.Equal(TokenStatus.Invalid, Tokens().Validate(token).Status);
    }

    [Fact]
    public void A_forged_payload_is_rejected()
    {
        var tokens = Tokens();
        var (token, _) = tokens.Mint("alice");
        var (other, _) = tokens.Mint("mallory-the-admin");
        var forged = other.Split('.')[0] + "." + token.Split('.')[1];
        Assert.Equal(TokenStatus.Invalid, tokens.Validate(forged).Status);
        var flipped = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        Assert.Equal(TokenStatus.Invalid, tokens.Validate(flipped).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abc.")]
    [InlineData(".abc")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void Missing_or_malformed_tokens_are_rejected(string? token) =>
        Assert.Equal(TokenStatus.Invalid, Tokens().Validate(token).Status);

    [Fact]
    public async Task Static_key_is_accepted_only_in_compatibility_mode()
    {
        var options = new AuthOptions { Enabled = true, TokenSecret = "s", ApiKey = "legacy-key" };
        var strict = Authenticator(options);
        Assert.False((await strict.CheckAsync("legacy-key")).IsValid);
        options.AllowStaticKey = true;
        Assert.Equal(ClientAuthenticator.StaticKeySubject, (await strict.CheckAsync("legacy-key")).Subject);
        Assert.False((await strict.CheckAsync("legacy-kex")).IsValid);
    }

    private ClientAuthenticator Authenticator(AuthOptions options) =>
        new(new TokenService(Options.Create(options), _clock), new UserDirectory(Options.Create(options)),
            GatewayHarness.Sessions(new FakeScannerFeedBackend(), options, _clock), Options.Create(options));

    [Fact]
    public async Task A_signed_token_is_honoured_only_while_its_subject_is_a_user()
    {
        var options = new AuthOptions { Enabled = true, TokenSecret = "s", Users = { ["alice"] = "wonderland", ["bob"] = "builder" } };
        var authenticator = Authenticator(options);
        var tokens = new TokenService(Options.Create(options), _clock);
        var (bob, _) = tokens.Mint("bob");
        Assert.Equal(new TokenCheck(TokenStatus.Valid, "bob"), await authenticator.CheckAsync(bob));
        Assert.Equal(TokenStatus.UnknownUser, (await authenticator.CheckAsync(tokens.Mint("mallory").Token)).Status);
        options.Users.Remove("bob");
        Assert.Equal(TokenStatus.UnknownUser, (await authenticator.CheckAsync(bob)).Status);
    }

    [Fact]
    public void Users_log_in_with_their_configured_password_and_there_is_no_default_user()
    {
        var options = new AuthOptions { Users = { ["alice"] = "wonderland" } };
        var users = new UserDirectory(Options.Create(options));
        Assert.True(users.Check("alice", "wonderland"));
        Assert.False(users.Check("alice", "wonderlanD"));
        Assert.False(users.Check("bob", "wonderland"));
        Assert.False(users.Check("demo", "demo"));
    }

    private TokenService Rotating(string? current, params (string Id, string Secret)[] keys) =>
        new(Options.Create(new AuthOptions { SigningKeys = keys.ToDictionary(k => k.Id, k => k.Secret), CurrentSigningKey = current }), _clock);

    [Fact]
    public void Tokens_are_standard_jwts_naming_their_signing_key()
    {
        var (token, _) = Rotating("k2", ("k1", "first secret"), ("k2", "second secret")).Mint("alice");
        var jwt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token);
        Assert.Equal(("HS256", "k2", "alice"), (jwt.Alg, jwt.Kid, jwt.Subject));
        Assert.Equal(TokenService.Issuer, jwt.Issuer);
    }

    [Fact]
    public void After_a_rotation_the_previous_key_still_validates_until_it_is_removed()
    {
        var (before, _) = Rotating("k1", ("k1", "first secret")).Mint("alice");

        var rotated = Rotating("k2", ("k1", "first secret"), ("k2", "second secret"));
        Assert.Equal(new TokenCheck(TokenStatus.Valid, "alice"), rotated.Validate(before));
        Assert.True(rotated.Validate(rotated.Mint("bob").Token).IsValid);

        var removed = Rotating("k2", ("k2", "second secret"));
        Assert.Equal(TokenStatus.Invalid, removed.Validate(before).Status);
        Assert.True(removed.Validate(rotated.Mint("bob").Token).IsValid);
    }

    [Fact]
    public void A_token_of_a_foreign_key_with_a_known_key_id_is_rejected()
    {
        var (foreign, _) = Rotating("k1", ("k1", "someone else's secret")).Mint("alice");
        Assert.Equal(TokenStatus.Invalid, Rotating("k1", ("k1", "first secret")).Validate(foreign).Status);
    }

    [Fact]
    public void An_unsigned_token_is_rejected()
    {
        var header = Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var payload = Base64Url($"{{\"sub\":\"alice\",\"iss\":\"{TokenService.Issuer}\",\"aud\":\"{TokenService.Audience}\",\"exp\":{_clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds()}}}");
        Assert.Equal(TokenStatus.Invalid, Tokens().Validate($"{header}.{payload}.").Status);
    }

    private static string Base64Url(string json) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Signing_keys_and_users_are_validated_at_start()
    {
        static IEnumerable<string> Errors(AuthOptions options) =>
            options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(r => r.ErrorMessage!);

        Assert.Contains(Errors(new AuthOptions { Enabled = true }), e => e.Contains("nobody can log in", StringComparison.Ordinal));
        Assert.Empty(Errors(new AuthOptions { Enabled = true, Users = { ["alice"] = "wonderland" } }));
        Assert.Contains(Errors(new AuthOptions { SigningKeys = { ["k1"] = "a", ["k2"] = "b" } }), e => e.Contains("CurrentSigningKey", StringComparison.Ordinal));
        Assert.Contains(Errors(new AuthOptions { SigningKeys = { ["k1"] = "a" }, TokenSecret = "b", CurrentSigningKey = "k3" }), e => e.Contains("CurrentSigningKey", StringComparison.Ordinal));
        Assert.Empty(Errors(new AuthOptions { SigningKeys = { ["k1"] = "a", ["k2"] = "b" }, CurrentSigningKey = "k2" }));
    }
}
