using Microsoft.AspNetCore.Http;
using Scanner.Silo.Operations;

namespace Scanner.Tests.Unit.Operations;

public class OperatorRequestOriginTests
{
    private static HttpRequest Request(string method, string? origin = null, string? fetchSite = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Host = new HostString("silo-1:8080");
        if (origin is not null)
        {
            http.Request.Headers.Origin = origin;
        }
        if (fetchSite is not null)
        {
            http.Request.Headers["Sec-Fetch-Site"] = fetchSite;
        }
        return http.Request;
    }

    [Fact]
    public void Scripts_without_browser_headers_may_change_things()
    {
        Assert.False(OperatorAccess.IsCrossSiteChange(Request("POST")));
        Assert.False(OperatorAccess.IsCrossSiteChange(Request("PUT", "http://silo-1:8080", "same-origin")));
    }

    [Theory]
    [InlineData("POST", "http://evil.example", null)]
    [InlineData("PUT", "http://silo-1:9999", null)]
    [InlineData("POST", "null", null)]
    [InlineData("POST", null, "cross-site")]
    public void Changes_from_another_site_are_refused(string method, string? origin, string? fetchSite)
    {
        Assert.True(OperatorAccess.IsCrossSiteChange(Request(method, origin, fetchSite)));
    }

    [Fact]
    public void Reading_is_never_refused_for_its_origin()
    {
        Assert.False(OperatorAccess.IsCrossSiteChange(Request("GET", "http://evil.example", "cross-site")));
    }
}
