using System.Text.Json;
using Scanner.Simulator;
using Scanner.Simulator.Hosting;
using Scanner.Calendar;

namespace Scanner.Tests.Integration.Simulator;

/// <summary>The replayed quotes of the shipped sample day, checked against the raw LEAN quote files.</summary>
public class QuoteReplayFeedTests
{
    private const string Key = "quote-key";
    private static readonly DateOnly Day = new(2013, 10, 7);

    [Fact]
    public async Task A_client_subscribed_to_all_quotes_gets_only_quotes_in_time_order_and_aig_row_by_row()
    {
        var start = new TimeOnly(9, 30);
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ApiKey = Key, Speed = 0, Start = start });
        await using var client = await MarketFeedTestClient.ConnectAndAuthenticateAsync(sim.WebSocketUri, Key);
        await client.SendAsync(new { action = "subscribe", @params = "Q.*" });

        var events = new List<JsonElement>();
        while (events.Count(e => Symbol(e) == "AIG") < 2_000)
        {
            var frame = await client.ReceiveFrameAsync() ?? throw new InvalidOperationException("closed");
            events.AddRange(frame.EnumerateArray().Where(e => e.GetProperty("ev").GetString() != "status"));
        }

        Assert.All(events, e => Assert.Equal("Q", e.GetProperty("ev").GetString()));
        var times = events.Select(e => e.GetProperty("t").GetInt64()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(["AIG", "BAC", "IBM"], events.Select(Symbol).Distinct().Order());

        // Each AIG quote is one raw row from the start on (suspicious and empty rows left out), whose side it updates.
        var startMs = TradingCalendar.At(Day, start);
        var rows = LeanSampleData.Quotes("aig")
            .Where(r => !r.Suspicious && (r.Bid > 0 || r.Ask > 0) && TradingCalendar.At(Day, r.Ms) >= startMs)
            .ToList();
        var aig = events.Where(e => Symbol(e) == "AIG").ToList();
        Assert.All(aig.Zip(rows), pair =>
        {
            var (quote, row) = pair;
            Assert.Equal(TradingCalendar.At(Day, row.Ms), quote.GetProperty("t").GetInt64());
            Assert.True(quote.GetProperty("bp").GetDouble() > 0 && quote.GetProperty("ap").GetDouble() > 0);
            if (row.Bid > 0)
            {
                Assert.Equal(row.Bid, quote.GetProperty("bp").GetDouble());
            }
            if (row.Ask > 0)
            {
                Assert.Equal(row.Ask, quote.GetProperty("ap").GetDouble());
            }
        });
    }

    private static string Symbol(JsonElement e) => e.GetProperty("sym").GetString()!;
}
