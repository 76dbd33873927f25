using System.Net;
using Microsoft.AspNetCore.Http;
using Scanner.Simulator.Control;

namespace Scanner.Tests.Unit.Operations;

public class SimulatorControlAccessTests
{
    private static HttpContext Request(string address, string? bearer = null)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (bearer is not null)
        {
            http.Request.Headers.Authorization = "Bearer " + bearer;
        }
        return http;
    }

    [Fact]
    public void Loopback_callers_may_steer_the_simulator()
    {
        Assert.Equal("loopback@127.0.0.1", SimulatorControlAccess.Caller(Request("127.0.0.1"), "key"));
    }

    [Fact]
    public void Others_need_the_api_key()
    {
        Assert.Null(SimulatorControlAccess.Caller(Request("127.0.0.2"), "key"));
        Assert.Null(SimulatorControlAccess.Caller(Request("10.1.2.3", "wrong"), "key"));
        Assert.Equal("api-key@10.1.2.3", SimulatorControlAccess.Caller(Request("10.1.2.3", "key"), "key"));
    }
}
