using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Scanner.Calendar;
using Scanner.Hydration;
using Scanner.Ticker;

namespace Scanner.Tests.Unit.Hydration;

/// <summary>What a ticker's hydration gets: its row of the day's bulk table, or the per-ticker REST calls as the fallback.</summary>
public class MarketReferenceSourceTests
{
    private static readonly DateOnly Day = new(2013, 10, 7);
    private readonly FakeMassiveHandler _handler = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2013, 10, 7, 13, 0, 0, TimeSpan.Zero));
    private readonly HydrationOptions _options = new() { BaseUrl = "http://massive.test", NegativeCacheDuration = TimeSpan.FromMinutes(1) };
    private readonly List<DateOnly> _fetches = [];

    /// <summary>The cluster's table as the grain would hand it out: AIG only; fails while <see cref="_storeFails"/>.</summary>
    private bool _storeFails;

    /// <summary>Calls to the grain that time out first (Orleans' response timeout while the grain still loads the market).</summary>
    private int _callTimeouts;

    private static readonly ReferenceData Aig = new(20131007, 48.1, 48.9, 47.8, 48.5, 7_000_000, 48.4, 6_500_000, 1_400_000_000);

    private IReferenceDataSource Source()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IOptions<HydrationOptions>>(Options.Create(_options));
        services.AddSingleton(new MarketReferenceCache(FetchAsync, _time, Options.Create(_options), NullLogger<MarketReferenceCache>.Instance));
        services.AddHydrationClient().ConfigurePrimaryHttpMessageHandler(() => _handler);
        return services.BuildServiceProvider().GetRequiredService<IReferenceDataSource>();
    }

    private async Task<MarketReferenceTable> FetchAsync(DateOnly day)
    {
        await Task.Yield();
        lock (_fetches)
        {
            _fetches.Add(day);
        }
        if (_callTimeouts > 0)
        {
            _callTimeouts--;
            throw new TimeoutException("Response did not arrive on time");
        }
        return _storeFails
            ? throw new HydrationException("grouped daily: HTTP 503")
            : new MarketReferenceTable(TradingCalendar.ToNumber(day), new Dictionary<string, ReferenceData> { ["AIG"] = Aig with { TradingDay = TradingCalendar.ToNumber(day) } });
    }

    /// <summary>The per-ticker endpoints know BAC (previous close 15).</summary>
    private void ServePerTicker() =>
        _handler.Default = path =>
            path.StartsWith("/v2/aggs/ticker/BAC/", StringComparison.Ordinal)
                ? FakeMassiveHandler.Json($$"""{"status":"OK","results":[{"v":1000,"vw":15,"o":15,"c":15,"h":15,"l":15,"t":{{TradingCalendar.At(new DateOnly(2013, 10, 4), TimeOnly.MinValue)}}}]}""")
            : path.StartsWith("/v2/snapshot/locale/us/markets/stocks/tickers/BAC", StringComparison.Ordinal)
                ? FakeMassiveHandler.Json("""{"status":"OK","ticker":{"ticker":"BAC","prevDay":{"o":14,"h":16,"l":13,"c":15,"v":1000,"vw":15}}}""")
            : new HttpResponseMessage(HttpStatusCode.NotFound);

    [Fact]
    public async Task A_symbol_in_the_table_is_read_from_it_without_a_request()
    {
        var source = Source();

        var loads = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => source.LoadAsync("AIG", Day, CancellationToken.None)));

        Assert.All(loads, data => Assert.Equal(Aig, data));
        Assert.Empty(_handler.Requests);
        Assert.Equal([Day], _fetches); // once for the silo, however many tickers ask
    }

    [Fact]
    public async Task A_symbol_missing_from_the_table_is_loaded_per_ticker()
    {
        ServePerTicker();

        var bac = await Source().LoadAsync("BAC", Day, CancellationToken.None);

        Assert.Equal(15, bac.PrevClose);
        Assert.Equal(3, _handler.Requests.Count); // daily bars, snapshot, float
        Assert.All(_handler.Requests, p => Assert.Contains("BAC", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_the_bulk_load_fails_every_symbol_is_loaded_per_ticker_and_the_table_is_asked_again_later()
    {
        ServePerTicker();
        _storeFails = true;
        var source = Source();

        Assert.Equal(15, (await source.LoadAsync("BAC", Day, CancellationToken.None)).PrevClose);
        await Assert.ThrowsAsync<HydrationException>(() => source.LoadAsync("AIG", Day, CancellationToken.None)); // per ticker: unknown
        Assert.Single(_fetches); // the failure is remembered, not fetched per ticker

        _storeFails = false;
        _time.Advance(_options.NegativeCacheDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(Aig, await source.LoadAsync("AIG", Day, CancellationToken.None));
        Assert.Equal(2, _fetches.Count);
    }

    /// <summary>
    /// A load of the whole market outlasting Orleans' 30 s response timeout is no failure of the bulk data. Before,
    /// the timed-out call counted as one: every ticker started its three per-ticker calls for a minute, competing with
    /// the bulk load for the silo's 16 request permits, and none of 10,000 hydrated in 100 s.
    /// </summary>
    [Fact]
    public async Task A_table_still_loading_when_the_call_times_out_is_waited_for_not_loaded_per_ticker()
    {
        ServePerTicker();
        _callTimeouts = 2;
        var source = Source();

        var loads = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => source.LoadAsync("AIG", Day, CancellationToken.None)));

        Assert.All(loads, data => Assert.Equal(Aig, data));
        Assert.Empty(_handler.Requests);
        Assert.Equal(3, _fetches.Count);
    }

    [Fact]
    public async Task A_new_day_fetches_its_own_table()
    {
        var source = Source();
        var tuesday = Day.AddDays(1);

        await source.LoadAsync("AIG", Day, CancellationToken.None);
        var next = await source.LoadAsync("AIG", tuesday, CancellationToken.None);

        Assert.Equal(20131008, next.TradingDay);
        Assert.Equal([Day, tuesday], _fetches);
    }
}
