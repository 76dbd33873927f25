using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Scanner.Gateway.Auth;

namespace Scanner.Tests.Unit.Gateway;

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
    public void Static_key_is_accepted_only_in_compatibility_mode()
    {
        var options = new AuthOptions { Enabled = true, TokenSecret = "s", ApiKey = "legacy-key" };
        var strict = Authenticator(options);
        Assert.False(strict.Authenticate("legacy-key").IsValid);
        options.AllowStaticKey = true;
        Assert.Equal(ClientAuthenticator.StaticKeySubject, strict.Authenticate("legacy-key").Subject);
        Assert.False(strict.Authenticate("legacy-kex").IsValid);
    }

    private ClientAuthenticator Authenticator(AuthOptions options) =>
        new(new TokenService(Options.Create(options), _clock), new UserDirectory(Options.Create(options)), Options.Create(options));

    [Fact]
    public void A_signed_token_is_honoured_only_while_its_subject_is_a_user()
    {
        var options = new AuthOptions { Enabled = true, TokenSecret = "s", Users = { ["alice"] = "wonderland", ["bob"] = "builder" } };
        var authenticator = Authenticator(options);
        var tokens = new TokenService(Options.Create(options), _clock);
        var (bob, _) = tokens.Mint("bob");
        Assert.Equal(new TokenCheck(TokenStatus.Valid, "bob"), authenticator.Authenticate(bob));
        Assert.Equal(TokenStatus.UnknownUser, authenticator.Authenticate(tokens.Mint("mallory").Token).Status);
        options.Users.Remove("bob");
        Assert.Equal(TokenStatus.UnknownUser, authenticator.Authenticate(bob).Status);
        Assert.False(authenticator.Authenticate(bob).IsValid);
    }

    [Fact]
    public void Users_log_in_with_their_configured_password_and_demo_only_when_enabled()
    {
        var options = new AuthOptions { Users = { ["alice"] = "wonderland" } };
        var users = new UserDirectory(Options.Create(options));
        Assert.True(users.Check("alice", "wonderland"));
        Assert.False(users.Check("alice", "wonderlanD"));
        Assert.False(users.Check("bob", "wonderland"));
        Assert.False(users.Check("demo", "demo"));
        options.DemoUser = true;
        Assert.True(users.Check("demo", "demo"));
    }
}
