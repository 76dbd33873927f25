using Microsoft.Extensions.Options;

namespace Scanner.Gateway.Auth;

/// <summary>The users who may log in (configured in <c>Auth:Users</c>, plus demo/demo when <c>Auth:DemoUser</c> is on).</summary>
internal sealed class UserDirectory(IOptions<AuthOptions> options)
{
    public const string DemoName = "demo";

    public bool Check(string? username, string? password)
    {
        if (string.IsNullOrEmpty(username) || password is null)
        {
            return false;
        }
        var expected = PasswordOf(username);
        // Compare even for unknown users so the response time does not tell which names exist.
        return ClientAuthenticator.SameSecret(password, expected ?? Guid.NewGuid().ToString()) && expected is not null;
    }

    /// <summary>Whether <paramref name="username"/> may log in (its tokens are honoured only while it does).</summary>
    public bool Exists(string username) => PasswordOf(username) is not null;

    private string? PasswordOf(string username)
    {
        var settings = options.Value;
        return settings.Users.TryGetValue(username, out var configured) ? configured
            : settings.DemoUser && username == DemoName ? DemoName
            : null;
    }
}
