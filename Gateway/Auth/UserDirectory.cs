using Microsoft.Extensions.Options;

namespace Scanner.Gateway.Auth;

/// <summary>The users who may log in: those configured in <c>Auth:Users</c>, nobody else (no default user).</summary>
internal sealed class UserDirectory(IOptions<AuthOptions> options)
{
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

    private string? PasswordOf(string username) =>
        options.Value.Users.TryGetValue(username, out var configured) ? configured : null;
}
