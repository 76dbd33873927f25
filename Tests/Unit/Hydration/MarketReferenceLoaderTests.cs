using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scanner.Calendar;
using Scanner.Hydration;

namespace Scanner.Tests.Unit.Hydration;

/// <summary>The bulk load: grouped daily bars of 30 sessions and the float listing along next_url, as the silo registers it.</summary>
public class MarketReferenceLoaderTests
{
    private static readonly DateOnly Day = new(2013, 10, 7);
    private static readonly IReadOnlyList<DateOnly> Sessions = TradingCalendar.PreviousTradingDays(Day, 30);
    private readonly FakeMassiveHandler _handler = new();

    private MarketReferenceLoader Loader()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddOptions<HydrationOptions>().Configure(o =>
        {
            o.BaseUrl = "http://massive.test";
            o.ApiKey = "KEY";
            o.RetryDelay = TimeSpan.FromMilliseconds(1);
            o.BulkPageSize = 2;
        });
        services.AddHydrationClient().ConfigurePrimaryHttpMessageHandler(() => _handler);
        return services.BuildServiceProvider().GetRequiredService<MarketReferenceLoader>();
    }

    private static string Grouped(params string[] rows) =>
        $$"""{"queryCount":{{rows.Length}},"resultsCount":{{rows.Length}},"adjusted":true,"results":[{{string.Join(',', rows)}}],"status":"OK","request_id":"r","count":{{rows.Length}}}""";

    private static string Row(string symbol, DateOnly date, double close, double volume) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"T":"{{symbol}}","v":{{volume}},"vw":{{close - 0.1}},"o":{{close - 0.2}},"c":{{close}},"h":{{close + 1}},"l":{{close - 1}},"t":{{TradingCalendar.At(date, TimeOnly.MinValue)}},"n":10}""");

    /// <summary>AIG trades every session (volume 1,000 x its position, close 10 + position); BAC only the last 10; junk rows in each.</summary>
    private void ServeMarket()
    {
        _handler.Default = path =>
        {
            if (path.StartsWith("/v2/aggs/grouped/locale/us/market/stocks/", StringComparison.Ordinal))
            {
                var date = DateOnly.ParseExact(path.Split('/')[^1][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var i = Sessions.ToList().IndexOf(date);
                var rows = new List<string> { Row("AIG", date, 10 + i, (i + 1) * 1000), """{"v":5,"c":1}""", Row("ZERO", date, 0, 100) };
                if (i >= 20)
                {
                    rows.Add(Row("BAC", date, 15, 2000));
                }
                return FakeMassiveHandler.Json(Grouped([.. rows]));
            }
            return path switch
            {
                "/stocks/vX/float?limit=2" => FakeMassiveHandler.Json(
                    """{"status":"OK","results":[{"ticker":"AIG","free_float":1400000000,"free_float_percent":99.1,"effective_date":"2013-10-04"},{"ticker":"BAD"}],"next_url":"http://massive.test/stocks/vX/float?cursor=page2"}"""),
                "/stocks/vX/float?cursor=page2" => FakeMassiveHandler.Json("""{"status":"OK","results":[{"ticker":"BAC","free_float":10500000000}]}"""),
                _ => new HttpResponseMessage(HttpStatusCode.NotFound),
            };
        };
    }

    [Fact]
    public async Task Loads_every_symbol_from_30_grouped_sessions_and_the_paginated_float_listing()
    {
        ServeMarket();

        var table = await Loader().LoadAsync(Day, CancellationToken.None);

        Assert.Equal(20131007, table.TradingDay);
        Assert.Equal(["AIG", "BAC"], table.BySymbol.Keys.Order(StringComparer.Ordinal));
        var aig = table.Find("AIG")!;
        Assert.Equal((39.0, 38.8, 40.0, 38.0, 30_000.0, 38.9), (aig.PrevClose, aig.PrevOpen, aig.PrevHigh, aig.PrevLow, aig.PrevVolume, aig.PrevVwap));
        Assert.Equal(Enumerable.Range(1, 30).Average(i => i * 1000.0), aig.AvgVolume);
        Assert.Equal(1_400_000_000, aig.FreeFloat);
        var bac = table.Find("BAC")!;
        Assert.Equal(2000, bac.AvgVolume); // the mean of the 10 sessions it traded
        Assert.Equal(10_500_000_000, bac.FreeFloat);
        Assert.Null(table.Find("ZERO")); // a close of 0 is no bar

        var grouped = _handler.Requests.Where(p => p.StartsWith("/v2/aggs/grouped/", StringComparison.Ordinal)).ToList();
        Assert.Equal(Sessions.Select(d => $"/v2/aggs/grouped/locale/us/market/stocks/{d:yyyy-MM-dd}?adjusted=true").Order(), grouped.Order());
        Assert.Equal(["/stocks/vX/float?limit=2", "/stocks/vX/float?cursor=page2"], _handler.Requests.Where(p => p.StartsWith("/stocks/", StringComparison.Ordinal)));
        Assert.Equal(32, _handler.Requests.Count);
        Assert.Equal("Bearer KEY", _handler.LastAuthorization);
    }

    [Fact]
    public async Task A_failing_float_listing_leaves_floats_at_zero()
    {
        ServeMarket();
        _handler.Script("/stocks/vX/float", () => new HttpResponseMessage(HttpStatusCode.Forbidden)); // not in the plan

        var table = await Loader().LoadAsync(Day, CancellationToken.None);

        Assert.Equal(0, table.Find("AIG")!.FreeFloat);
        Assert.Equal(39, table.Find("AIG")!.PrevClose);
    }

    [Fact]
    public async Task A_session_without_grouped_bars_fails_the_load()
    {
        ServeMarket();
        _handler.Script($"/v2/aggs/grouped/locale/us/market/stocks/{Sessions[^1]:yyyy-MM-dd}",
            () => FakeMassiveHandler.Json("""{"queryCount":0,"resultsCount":0,"adjusted":true,"status":"OK"}"""));

        var error = await Assert.ThrowsAsync<HydrationException>(() => Loader().LoadAsync(Day, CancellationToken.None));

        Assert.Contains($"{Sessions[^1]:yyyy-MM-dd}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_float_listing_that_never_ends_is_cut_off()
    {
        ServeMarket();
        var inner = _handler.Default;
        _handler.Default = path => path.StartsWith("/stocks/vX/float", StringComparison.Ordinal)
            ? FakeMassiveHandler.Json("""{"status":"OK","results":[],"next_url":"http://massive.test/stocks/vX/float?cursor=again"}""")
            : inner(path);

        var table = await Loader().LoadAsync(Day, CancellationToken.None);

        Assert.Equal(MarketReferenceLoader.MaxFloatPages, _handler.Requests.Count(p => p.StartsWith("/stocks/", StringComparison.Ordinal)));
        Assert.Equal(0, table.Find("AIG")!.FreeFloat);
    }

    /// <summary>
    /// A grouped session is about 1 MB, which a busy server (or silo) takes longer than the per-ticker 5 s to send at
    /// the open: its attempts have the bulk timeout. Before, every grouped attempt timed out at 5 s (Polly logged
    /// 9.6 s attempts), was retried twice and failed the load, and all 10,000 tickers fell back to three calls each.
    /// </summary>
    [Fact]
    public async Task Whole_market_requests_have_the_bulk_timeout_and_per_ticker_ones_the_request_timeout()
    {
        ServeMarket();
        var options = new HydrationOptions();
        var timeouts = new List<(string Path, TimeSpan Timeout)>();
        _handler.Sent = request =>
        {
            lock (timeouts)
            {
                timeouts.Add((request.RequestUri!.AbsolutePath, MassiveRestClient.AttemptTimeout(request, options)));
            }
        };

        await Loader().LoadAsync(Day, CancellationToken.None);

        Assert.Equal(Sessions.Count + 2, timeouts.Count);
        Assert.All(timeouts, t => Assert.Equal(TimeSpan.FromSeconds(30), t.Timeout));
        Assert.Equal(TimeSpan.FromSeconds(5), MassiveRestClient.AttemptTimeout(new HttpRequestMessage(), options)); // per ticker
    }
}
