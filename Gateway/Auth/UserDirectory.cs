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
        var settings = options.Value;
        string? expected = settings.Users.TryGetValue(username, out var configured) ? configured
            : settings.DemoUser && username == DemoName ? DemoName
            : null;
        // Compare even for unknown users so the response time does not tell which names exist.
        return ClientAuthenticator.SameSecret(password, expected ?? Guid.NewGuid().ToString()) && expected is not null;
    }
}
