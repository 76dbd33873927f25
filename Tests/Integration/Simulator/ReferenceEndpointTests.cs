using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Scanner.Simulator;
using Scanner.Simulator.Hosting;
using Scanner.Simulator.Time;
using Scanner.Calendar;

namespace Scanner.Tests.Integration.Simulator;

/// <summary>The Massive REST endpoints, checked against the daily file (replay) and against each other (synthetic).</summary>
public class ReferenceEndpointTests
{
    private const string Key = "rest-key";

    private static async Task<JsonElement> GetAsync(HttpClient http, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static HttpClient Client(SimulatorServer sim) => new() { BaseAddress = sim.RestBaseUri, Timeout = MarketFeedTestClient.Patience };

    [Fact]
    public async Task Replay_serves_the_previous_day_and_the_daily_bars_of_the_lean_file()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ApiKey = Key });
        using var http = Client(sim);
        var daily = LeanSampleData.Daily("ibm");

        var snapshot = await GetAsync(http, $"/v2/snapshot/locale/us/markets/stocks/tickers/IBM?apiKey={Key}");
        var prevDay = snapshot.GetProperty("ticker").GetProperty("prevDay");
        var friday = daily.Single(d => d.Date == new DateOnly(2013, 10, 4));
        Assert.Equal("IBM", snapshot.GetProperty("ticker").GetProperty("ticker").GetString());
        Assert.Equal(friday.O, prevDay.GetProperty("o").GetDouble());
        Assert.Equal(friday.H, prevDay.GetProperty("h").GetDouble());
        Assert.Equal(friday.L, prevDay.GetProperty("l").GetDouble());
        Assert.Equal(friday.C, prevDay.GetProperty("c").GetDouble());
        Assert.Equal(friday.V, prevDay.GetProperty("v").GetInt64());
        Assert.Equal(Math.Round((friday.H + friday.L + friday.C) / 3, 4), prevDay.GetProperty("vw").GetDouble());

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        var aggs = await GetAsync(http, "/v2/aggs/ticker/IBM/range/1/day/2013-08-26/2013-10-07");
        var expected = daily.Where(d => d.Date >= new DateOnly(2013, 8, 26) && d.Date < new DateOnly(2013, 10, 7)).ToList();
        var results = aggs.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal("OK", aggs.GetProperty("status").GetString());
        Assert.Equal(expected.Count, aggs.GetProperty("resultsCount").GetInt32());
        Assert.Equal(
            expected.Select(d => (d.V, d.O, d.C, d.H, d.L, TradingCalendar.At(d.Date, TimeOnly.MinValue))),
            results.Select(r => (r.GetProperty("v").GetInt64(), r.GetProperty("o").GetDouble(), r.GetProperty("c").GetDouble(),
                r.GetProperty("h").GetDouble(), r.GetProperty("l").GetDouble(), r.GetProperty("t").GetInt64())));
        Assert.All(results, r => Assert.True(r.GetProperty("vw").GetDouble() > 0));
    }

    [Fact]
    public async Task Replay_serves_float_market_status_and_refuses_bad_keys_and_unknown_tickers()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ApiKey = Key, Start = new TimeOnly(9, 25) });
        using var http = Client(sim);

        var aig = await GetAsync(http, $"/stocks/vX/float?ticker=AIG&apiKey={Key}");
        Assert.Equal(1_476_000_000, Assert.Single(aig.GetProperty("results").EnumerateArray()).GetProperty("free_float").GetInt64());
        var spy = await GetAsync(http, $"/stocks/vX/float?ticker=SPY&apiKey={Key}");
        Assert.Equal(0, spy.GetProperty("results").GetArrayLength());

        var status = await GetAsync(http, $"/v1/marketstatus/now?apiKey={Key}");
        Assert.Equal("extended-hours", status.GetProperty("market").GetString());
        Assert.True(status.GetProperty("earlyHours").GetBoolean());
        Assert.StartsWith("2013-10-07T09:25:00", status.GetProperty("serverTime").GetString());

        await GetAsync(http, "/v1/marketstatus/now?apiKey=wrong", HttpStatusCode.Unauthorized);
        await GetAsync(http, "/v2/snapshot/locale/us/markets/stocks/tickers/IBM", HttpStatusCode.Unauthorized);
        await GetAsync(http, $"/v2/snapshot/locale/us/markets/stocks/tickers/NOPE?apiKey={Key}", HttpStatusCode.NotFound);
        await GetAsync(http, $"/v2/aggs/ticker/NOPE/range/1/day/2013-01-01/2013-10-07?apiKey={Key}", HttpStatusCode.NotFound);

        var health = await GetAsync(http, "/health");
        Assert.Equal("replay", health.GetProperty("source").GetString());
        Assert.Equal(0, health.GetProperty("activeConnections").GetInt32());
    }

    [Fact]
    public async Task Synthetic_reference_data_is_consistent_between_endpoints()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            ApiKey = Key, Source = FeedSourceKind.Synthetic, Tickers = 100, Day = new DateOnly(2025, 3, 4),
        });
        using var http = Client(sim);
        var symbol = ((Scanner.Simulator.Synthetic.SyntheticSource)sim.Source).Universe.Tickers[3].Symbol;

        var prevDay = (await GetAsync(http, $"/v2/snapshot/locale/us/markets/stocks/tickers/{symbol}?apiKey={Key}")).GetProperty("ticker").GetProperty("prevDay");
        var aggs = await GetAsync(http, $"/v2/aggs/ticker/{symbol}/range/1/day/2025-01-20/2025-03-04?apiKey={Key}");
        var last = aggs.GetProperty("results").EnumerateArray().Last();

        Assert.True(aggs.GetProperty("resultsCount").GetInt32() >= 30);
        Assert.Equal(TradingCalendar.At(new DateOnly(2025, 3, 3), TimeOnly.MinValue), last.GetProperty("t").GetInt64());
        foreach (var field in new[] { "o", "h", "l", "c", "v", "vw" })
        {
            Assert.Equal(last.GetProperty(field).GetDouble(), prevDay.GetProperty(field).GetDouble());
        }
        var free = await GetAsync(http, $"/stocks/vX/float?ticker={symbol}&apiKey={Key}");
        Assert.True(Assert.Single(free.GetProperty("results").EnumerateArray()).GetProperty("free_float").GetInt64() > 0);
        Assert.Equal("open", (await GetAsync(http, $"/v1/marketstatus/now?apiKey={Key}")).GetProperty("market").GetString());
    }

    [Fact]
    public async Task Synthetic_market_is_served_in_bulk_grouped_by_date_and_as_a_paginated_float_listing()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            ApiKey = Key, Source = FeedSourceKind.Synthetic, Tickers = 250, Day = new DateOnly(2025, 3, 4),
        });
        using var http = Client(sim);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        var universe = ((Scanner.Simulator.Synthetic.SyntheticSource)sim.Source).Universe;

        var grouped = await GetAsync(http, "/v2/aggs/grouped/locale/us/market/stocks/2025-03-03?adjusted=true");
        var rows = grouped.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("T").GetString()!);
        Assert.Equal(250, grouped.GetProperty("resultsCount").GetInt32());
        Assert.All(universe.Tickers, t =>
        {
            var row = rows[t.Symbol];
            var bar = t.History[^1];
            Assert.Equal((bar.Open, bar.High, bar.Low, bar.Close, bar.Volume, bar.Vwap, TradingCalendar.At(bar.Date, TimeOnly.MinValue)),
                (row.GetProperty("o").GetDouble(), row.GetProperty("h").GetDouble(), row.GetProperty("l").GetDouble(), row.GetProperty("c").GetDouble(),
                 row.GetProperty("v").GetInt64(), row.GetProperty("vw").GetDouble(), row.GetProperty("t").GetInt64()));
        });
        var today = await GetAsync(http, "/v2/aggs/grouped/locale/us/market/stocks/2025-03-04");
        Assert.Equal(0, today.GetProperty("resultsCount").GetInt32()); // the simulated day has not finished
        await GetAsync(http, "/v2/aggs/grouped/locale/us/market/stocks/03-03-2025", HttpStatusCode.BadRequest);

        var floats = new List<(string Ticker, long Shares)>();
        var pages = 0;
        for (string? next = "/stocks/vX/float?limit=100"; next is not null; pages++)
        {
            var page = await GetAsync(http, next);
            floats.AddRange(page.GetProperty("results").EnumerateArray().Select(r => (r.GetProperty("ticker").GetString()!, r.GetProperty("free_float").GetInt64())));
            next = page.TryGetProperty("next_url", out var url) ? url.GetString() : null;
            Assert.True(next is null || next.StartsWith(sim.RestBaseUri.ToString().TrimEnd('/'), StringComparison.Ordinal));
        }
        Assert.Equal(3, pages);
        Assert.Equal(universe.Tickers.Select(t => (t.Symbol, t.FreeFloat)).OrderBy(t => t.Symbol, StringComparer.Ordinal), floats);
        await GetAsync(http, "/stocks/vX/float?limit=5001", HttpStatusCode.BadRequest);
        await GetAsync(http, "/stocks/vX/float?cursor=not-a-cursor", HttpStatusCode.BadRequest);

        var counted = (await GetAsync(http, "/health")).GetProperty("restRequests");
        Assert.Equal(3, counted.GetProperty("grouped_daily").GetInt64());
        Assert.Equal(5, counted.GetProperty("float").GetInt64());
    }
}
