using Scanner.MarketData;
using Scanner.Silo.MarketFeed;

namespace Scanner.Tests.Unit.MarketFeed;

public class UpstreamSignalTests
{
    [Theory]
    [InlineData("connected", "Connected Successfully", UpstreamSignalKind.Connected, null)]
    [InlineData("auth_success", "authenticated", UpstreamSignalKind.AuthSucceeded, null)]
    [InlineData("auth_failed", "authentication failed", UpstreamSignalKind.AuthFailed, null)]
    [InlineData("auth_timeout", "No authentication request received.", UpstreamSignalKind.AuthTimeout, null)]
    [InlineData("max_connections", "Maximum number of websocket connections exceeded.", UpstreamSignalKind.MaxConnections, null)]
    [InlineData("error", "not authorized", UpstreamSignalKind.Error, null)]
    [InlineData("success", "subscribed to: T.*", UpstreamSignalKind.Subscribed, "T.*")]
    [InlineData("success", "unsubscribed to: T.AAPL", UpstreamSignalKind.Unsubscribed, "T.AAPL")]
    [InlineData("success", "something else", UpstreamSignalKind.Other, null)]
    [InlineData("brand_new", "", UpstreamSignalKind.Other, null)]
    public void Classifies_every_status_of_the_feed(string status, string message, UpstreamSignalKind kind, string? parameter)
    {
        var signal = UpstreamSignal.From(new MarketFeedStatus(status, message));
        Assert.Equal(kind, signal.Kind);
        Assert.Equal(parameter, signal.Parameter);
        Assert.Equal(message, signal.Message);
    }
}
