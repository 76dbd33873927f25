using Scanner.ScannerFeeds;
using Scanner.Tests.Support.Gateway;

namespace Scanner.Tests.Integration.Gateway;

/// <summary>The trader's page over real sockets to the real gateway with the fake backend: layouts and the chart/trades feeds.</summary>
public sealed class GatewayPageFeedsTests : IAsyncLifetime
{
    private readonly FakeScannerFeedBackend _backend = new();
    private GatewayTestHost _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayTestHost.StartAsync(_backend);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Layouts_larger_than_the_message_limit_saved_from_one_browser_are_read_in_another()
    {
        var layouts = """{"version":1,"current":"Default","layouts":{"Default":{"widgets":[{"id":"w1","notes":"NOTES"}]}}}""".Replace("NOTES", new string('x', 20_000));
        await using (var first = await GatewayTestClient.ConnectAsync(_gateway.Ws))
        {
            Assert.Equal("null", (await first.RequestAsync("""{"action":"get_layouts"}""")).GetProperty("layouts").GetRawText());
            Assert.True((await first.RequestAsync($$"""{"action":"save_layouts","layouts":{{layouts}}}""")).IsStatus("layouts_saved"));
        }
        await using var second = await GatewayTestClient.ConnectAsync(_gateway.Ws);
        var reply = await second.RequestAsync("""{"action":"get_layouts"}""");
        Assert.True(reply.IsStatus("layouts"));
        Assert.Equal(layouts, reply.GetProperty("layouts").GetRawText());
    }

    [Fact]
    public async Task Chart_and_trades_values_reach_their_subscribers_and_their_wildcards_are_refused()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_gateway.Ws);
        Assert.Equal("invalid feed name", (await client.RequestAsync("""{"action":"subscribe","feed":"chart:*"}""")).Str("error"));
        Assert.Equal("invalid feed name", (await client.RequestAsync("""{"action":"subscribe","feed":"trades:*"}""")).Str("error"));
        Assert.True((await client.RequestAsync("""{"action":"subscribe","feed":"chart:AIG"}""")).IsStatus("subscribed"));
        Assert.True((await client.RequestAsync("""{"action":"subscribe","feed":"trades:AIG"}""")).IsStatus("subscribed"));
        Assert.Equal(["chart:AIG", "trades:AIG"], _backend.Interest.Order());

        var chart = _backend.Publish(ScannerFeedNames.Chart("AIG"), """{"symbol":"AIG","trading_day":20131007,"bars":[{"t":1381150800000,"o":48.9,"h":49.0,"l":48.85,"c":48.95,"v":12000,"vw":48.93}],"halts":[]}""");
        var trades = _backend.Publish(ScannerFeedNames.Trades("AIG"), """{"symbol":"AIG","trades":[{"t":1381152600123,"p":48.95,"s":100,"x":4,"c":[14,41],"side":"buy"}]}""");
        var chartUpdate = await client.ReceiveUntilAsync(f => f.IsUpdate(chart.Feed, chart.Version));
        Assert.Equal(48.95, chartUpdate.GetProperty("data").GetProperty("bars")[0].GetProperty("c").GetDouble());
        var tradesUpdate = await client.ReceiveUntilAsync(f => f.IsUpdate(trades.Feed, trades.Version));
        Assert.Equal("buy", tradesUpdate.GetProperty("data").GetProperty("trades")[0].GetProperty("side").GetString());

        var get = await client.RequestAsync("""{"action":"get","cache":"chart:AIG"}""");
        Assert.Equal(12000, get.GetProperty("data").GetProperty("bars")[0].GetProperty("v").GetInt64());
    }
}
