using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Scanner.Silo.Operations;

/// <summary>
/// Decides who is an operator: a request from the loopback address when no password is configured, otherwise one
/// presenting the configured user and password with HTTP Basic. Both parts are compared in constant time (over
/// their hashes, so neither content nor length shows in the timing).
/// </summary>
public sealed class OperatorCredentials(OperatorOptions options)
{
    /// <summary>The principal name of a loopback caller when no password is configured.</summary>
    public const string LoopbackOperator = "loopback";

    private readonly byte[] _user = Hash(options.User);
    private readonly byte[] _password = Hash(options.Password);

    public bool PasswordRequired => options.PasswordRequired;

    /// <summary>
    /// Only the loopback address itself (127.0.0.1, ::1, also IPv4-mapped) counts as local: other 127.x addresses are
    /// treated as remote, so tests can act as a remote client without leaving the machine.
    /// </summary>
    public static bool IsLocal(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return address.Equals(IPAddress.Loopback) || address.Equals(IPAddress.IPv6Loopback);
    }

    /// <summary>The user name of a valid <c>Authorization: Basic</c> header; null when absent, malformed or wrong.</summary>
    public string? Verify(string? authorization)
    {
        if (!PasswordRequired || !TryDecodeBasic(authorization, out var user, out var password))
        {
            return null;
        }
        // Non-short-circuiting: both comparisons always run.
        var valid = CryptographicOperations.FixedTimeEquals(Hash(user), _user)
            & CryptographicOperations.FixedTimeEquals(Hash(password), _password);
        return valid ? user : null;
    }

    public static bool TryDecodeBasic(string? authorization, out string user, out string password)
    {
        user = password = "";
        const string Scheme = "Basic ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[Scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }
        user = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
