using System.Net;
using System.Text;
using Scanner.Silo.Operations;

namespace Scanner.Tests.Unit.Operations;

public class OperatorCredentialsTests
{
    private static readonly OperatorCredentials WithPassword = new(new OperatorOptions { User = "ops", Password = "s3cret:with colon" });

    private static string Basic(string userAndPassword) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword));

    [Fact]
    public void The_configured_user_and_password_sign_in()
    {
        Assert.Equal("ops", WithPassword.Verify(Basic("ops:s3cret:with colon")));
        Assert.Equal("ops", WithPassword.Verify(Basic("ops:s3cret:with colon").Replace("Basic", "basic", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("ops:wrong")]
    [InlineData("other:s3cret:with colon")]
    [InlineData("ops:")]
    [InlineData("ops")]
    [InlineData("")]
    public void Wrong_or_incomplete_credentials_do_not(string userAndPassword)
    {
        Assert.Null(WithPassword.Verify(Basic(userAndPassword)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("Basic not-base64!")]
    public void Missing_or_malformed_headers_do_not(string? header)
    {
        Assert.Null(WithPassword.Verify(header));
    }

    [Fact]
    public void Without_a_password_nobody_signs_in_with_basic()
    {
        var open = new OperatorCredentials(new OperatorOptions());
        Assert.False(open.PasswordRequired);
        Assert.Null(open.Verify(Basic("operator:")));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("127.0.0.2", false)]
    [InlineData("127.0.1.1", false)]
    [InlineData("10.0.0.7", false)]
    [InlineData("::ffff:10.0.0.7", false)]
    public void Only_the_loopback_address_itself_is_local(string address, bool local)
    {
        Assert.Equal(local, OperatorCredentials.IsLocal(IPAddress.Parse(address)));
    }

    [Fact]
    public void An_unknown_address_is_not_local()
    {
        Assert.False(OperatorCredentials.IsLocal(null));
    }
}
