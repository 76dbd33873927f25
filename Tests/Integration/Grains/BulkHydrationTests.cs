using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Scanner.Calendar;
using Scanner.Hydration;
using Scanner.Simulator;
using Scanner.Simulator.Hosting;
using Scanner.Simulator.Reference;
using Scanner.Simulator.Synthetic;
using static Scanner.Tests.Integration.Grains.ScannerCluster;
using static Scanner.Tests.Integration.Grains.SyntheticEvents;

namespace Scanner.Tests.Integration.Grains;

/// <summary>
/// A cluster with the real hydration against the simulator's REST endpoints: 200 tickers hydrate from the bulk data
/// in a handful of calls (counted at the simulator), and a symbol the grouped bars leave out (as Massive's leave out
/// OTC symbols) falls back to its three per-ticker calls.
/// </summary>
[Collection(nameof(ScannerGrainTests))]
public sealed class BulkHydrationTests
{
    private const string Key = "bulk-key";
    private const int Tickers = 200;

    [Fact]
    public async Task Every_ticker_hydrates_from_the_bulk_data_and_a_symbol_it_lacks_falls_back_per_ticker()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            ApiKey = Key, Source = FeedSourceKind.Synthetic, Tickers = Tickers, Day = Monday,
        });
        var universe = ((SyntheticSource)sim.Source).Universe;
        var missing = universe.Tickers[7].Symbol;
        await using var cluster = await StartAsync(silo => silo.AddMemoryGrainStorage("scanner"), silo =>
        {
            silo.Services.Configure<HydrationOptions>(o => (o.BaseUrl, o.ApiKey) = (sim.RestBaseUri.ToString(), Key));
            silo.Services.AddTransient(_ => new WithoutSymbol(missing));
            silo.Services.AddHttpClient<MassiveRestClient>().AddHttpMessageHandler<WithoutSymbol>();
            silo.Services.AddTransient<IReferenceDataSource, MarketReferenceSource>(); // the real one, not the fake
        });

        await cluster.ProduceAsync(universe.Tickers.Select((t, i) => Bar(t.Symbol, At(9, 31), t.History[^1].Close * 1.01, 1_000 + i)));

        foreach (var ticker in universe.Tickers)
        {
            var previous = universe.PreviousDay(ticker.Symbol)!;
            await Eventually(async () => (await cluster.Snapshot(ticker.Symbol)).Row.PrevDayClose == previous.Close, $"{ticker.Symbol} hydrated");
            var row = (await cluster.Snapshot(ticker.Symbol)).Row;
            Assert.Equal((previous.Open, previous.High, previous.Low, (double)previous.Volume), (row.PrevDayOpen, row.PrevDayHigh, row.PrevDayLow, row.PrevDayVolume));
            Assert.Equal(ticker.FreeFloat, row.FreeFloat);
            Assert.True(row.AvgVolume > 0);
        }
        var sessions = TradingCalendar.PreviousTradingDays(Monday, 30).ToHashSet();
        var expectedAvg = universe.Tickers[8].History.Where(b => sessions.Contains(b.Date)).Average(b => (double)b.Volume);
        Assert.Equal(expectedAvg, (await cluster.Snapshot(universe.Tickers[8].Symbol)).Row.AvgVolume, 6);

        using var http = new HttpClient();
        var requests = (await http.GetFromJsonAsync<JsonObject>(new Uri(sim.RestBaseUri, "health")))!["restRequests"]!
            .AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<long>());
        // 30 grouped sessions and one float page for the market; the missing symbol's daily bars, snapshot and float.
        Assert.Equal(new Dictionary<string, long> { ["aggregates"] = 1, ["float"] = 2, ["grouped_daily"] = 30, ["snapshot"] = 1 }, requests);
    }

    /// <summary>Leaves one symbol out of every grouped daily response, as Massive's grouped bars leave out OTC symbols.</summary>
    private sealed class WithoutSymbol(string symbol) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!request.RequestUri!.AbsolutePath.StartsWith("/v2/aggs/grouped/", StringComparison.Ordinal))
            {
                return response;
            }
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            var results = body["results"]!.AsArray();
            results.Remove(results.Single(r => r!["T"]!.GetValue<string>() == symbol));
            response.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            return response;
        }
    }
}
