using System.Text.Json;
using Scanner.Simulator;
using Scanner.Simulator.Hosting;
using Scanner.Simulator.Time;
using Scanner.Calendar;

namespace Scanner.Tests.Integration.Simulator;

/// <summary>The replay of the shipped 2013-10-07 sample day, checked against the raw LEAN files.</summary>
public class ReplayFeedTests
{
    private const string Key = "replay-key";
    private static readonly DateOnly Day = new(2013, 10, 7);
    private const long RegularOpenMs = 34_200_000; // 09:30 in ms since New York midnight

    [Fact]
    public async Task Replays_ibm_across_the_open_in_time_order_with_the_raw_trades_and_correct_bar_figures()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ApiKey = Key, Speed = 0, Start = new TimeOnly(9, 29, 30) });
        await using var client = await MarketFeedTestClient.ConnectAndAuthenticateAsync(sim.WebSocketUri, Key);
        await client.SendAsync(new { action = "subscribe", @params = "T.IBM,A.IBM,AM.IBM,T.SPY" });

        // The replay starts with the first subscription, so events may come between the acks: keep both.
        var until = TradingCalendar.At(Day, new TimeOnly(9, 32));
        var events = new List<JsonElement>();
        var acks = 0;
        while (!events.Any(e => Ev(e) == "AM" && e.GetProperty("e").GetInt64() >= until))
        {
            var frame = await client.ReceiveFrameAsync() ?? throw new InvalidOperationException("closed");
            Assert.InRange(frame.GetArrayLength(), 1, sim.Options.FrameSize);
            acks += frame.EnumerateArray().Count(e => Ev(e) == "status" && e.GetProperty("status").GetString() == "success");
            events.AddRange(frame.EnumerateArray().Where(e => Ev(e) != "status"));
        }
        Assert.Equal(4, acks);

        // Time order over all symbols and kinds (a bar goes out when its window ends).
        var times = events.Select(e => Ev(e) == "T" ? e.GetProperty("t").GetInt64() : e.GetProperty("e").GetInt64()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(events, e => Assert.True(Symbol(e) == "IBM" || (Symbol(e) == "SPY" && Ev(e) == "T")));
        Assert.Contains(events, e => Symbol(e) == "SPY");

        var ticks = LeanSampleData.Ticks("ibm").Where(t => !t.Suspicious).ToList();
        var start = TradingCalendar.At(Day, new TimeOnly(9, 29, 30));

        // The trades are the raw ticks from the start on, in file order.
        var trades = events.Where(e => Ev(e) == "T" && Symbol(e) == "IBM").ToList();
        var expected = ticks.Where(t => TradingCalendar.At(Day, t.Ms) >= start).Take(trades.Count).ToList();
        Assert.Equal(expected.Count, trades.Count);
        Assert.Equal(
            expected.Select(t => (TradingCalendar.At(Day, t.Ms), t.Price, t.Size)),
            trades.Select(t => (t.GetProperty("t").GetInt64(), t.GetProperty("p").GetDouble(), t.GetProperty("s").GetInt64())));

        // Bars: av is the day volume from 04:00 to the bar's end; op the first regular trade; vw the window VWAP.
        var officialOpen = ticks.First(t => t.Ms >= RegularOpenMs).Price;
        var bars = events.Where(e => Ev(e) is "A" or "AM").ToList();
        Assert.Contains(bars, b => !b.TryGetProperty("op", out _));
        Assert.Contains(bars, b => b.TryGetProperty("op", out _));
        foreach (var bar in bars)
        {
            var s = bar.GetProperty("s").GetInt64();
            var e = bar.GetProperty("e").GetInt64();
            Assert.Equal(Ev(bar) == "AM" ? 60_000 : 1_000, e - s);
            var window = ticks.Where(t => TradingCalendar.At(Day, t.Ms) >= s && TradingCalendar.At(Day, t.Ms) < e).ToList();
            var dayToEnd = ticks.Where(t => TradingCalendar.At(Day, t.Ms) < e).ToList();
            Assert.Equal(window.Sum(t => t.Size), bar.GetProperty("v").GetInt64());
            Assert.Equal(dayToEnd.Sum(t => t.Size), bar.GetProperty("av").GetInt64());
            Assert.Equal(window[0].Price, bar.GetProperty("o").GetDouble());
            Assert.Equal(window[^1].Price, bar.GetProperty("c").GetDouble());
            Assert.Equal(window.Max(t => t.Price), bar.GetProperty("h").GetDouble());
            Assert.Equal(window.Min(t => t.Price), bar.GetProperty("l").GetDouble());
            Assert.Equal(Math.Round(window.Sum(t => t.Price * t.Size) / window.Sum(t => t.Size), 4), bar.GetProperty("vw").GetDouble(), 4);
            Assert.Equal(Math.Round(dayToEnd.Sum(t => t.Price * t.Size) / dayToEnd.Sum(t => t.Size), 4), bar.GetProperty("a").GetDouble(), 4);
            if (e > TradingCalendar.At(Day, RegularOpenMs) && window.Concat(dayToEnd).Any(t => t.Ms >= RegularOpenMs))
            {
                Assert.Equal(officialOpen, bar.GetProperty("op").GetDouble());
            }
            else
            {
                Assert.False(bar.TryGetProperty("op", out _));
            }
        }
    }

    private static string Ev(JsonElement e) => e.GetProperty("ev").GetString()!;

    private static string Symbol(JsonElement e) => e.GetProperty("sym").GetString()!;
}
