using System.Text.Json;
using Scanner.Simulator;
using Scanner.Simulator.Hosting;
using Scanner.Simulator.Sources;
using Scanner.Simulator.Synthetic;
using Scanner.Calendar;

namespace Scanner.Tests.Integration.Simulator;

/// <summary>The demo source: the replayed day and the synthetic universe on one session clock.</summary>
public class DemoFeedTests
{
    private const string Key = "demo-key";
    private static readonly DateOnly Day = new(2013, 10, 7);

    [Fact]
    public async Task Sends_real_and_synthetic_symbols_on_the_replayed_day()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            ApiKey = Key, Source = FeedSourceKind.Demo, Speed = 0, Start = new TimeOnly(9, 30), Tickers = 50, Rate = 1_000,
        });
        await using var client = await MarketFeedTestClient.ConnectAndAuthenticateAsync(sim.WebSocketUri, Key);
        await client.SendAsync(new { action = "subscribe", @params = "T.*,Q.AIG" });

        var events = new List<JsonElement>();
        bool Real(JsonElement e) => !Symbol(e).StartsWith(SymbolNames.Prefix);
        while (!(events.Any(e => Ev(e) == "Q") && events.Any(e => Ev(e) == "T" && Real(e)) && events.Any(e => Ev(e) == "T" && !Real(e))))
        {
            var frame = await client.ReceiveFrameAsync() ?? throw new InvalidOperationException("closed");
            events.AddRange(frame.EnumerateArray().Where(e => Ev(e) != "status"));
        }

        Assert.Equal("demo", sim.Source.Name);
        Assert.Equal(Day, sim.Source.Clock.Day);
        Assert.All(events.Where(e => Ev(e) == "Q"), e => Assert.Equal("AIG", Symbol(e)));
        Assert.All(events, e => Assert.Equal(Day, TradingCalendar.NewYorkDateOf(e.GetProperty("t").GetInt64())));
        // Both halves answer the reference data.
        var synthetic = ((DemoSource)sim.Source).Universe.Tickers[0].Symbol;
        Assert.NotNull(sim.Source.Reference.DailyBars("AIG"));
        Assert.NotNull(sim.Source.Reference.DailyBars(synthetic));
    }

    private static string Ev(JsonElement e) => e.GetProperty("ev").GetString()!;

    private static string Symbol(JsonElement e) => e.GetProperty("sym").GetString()!;
}
