using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Scanner.Calendar;
using Scanner.Hydration;

namespace Scanner.Tests.Unit.Hydration;

public class HydrationClientTests
{
    private static readonly DateOnly Day = new(2013, 10, 7);
    private readonly FakeMassiveHandler _handler = new();
    private readonly HydrationOptions _options = new()
    {
        BaseUrl = "http://massive.test",
        ApiKey = "KEY",
        RetryDelay = TimeSpan.FromMilliseconds(1),
        RequestTimeout = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>
    /// The client as the silo registers it (resilience pipeline included) over <paramref name="handler"/>; each
    /// call is a silo of its own unless <paramref name="cache"/> is shared.
    /// </summary>
    private IReferenceDataSource Client(ReferenceDataCache? cache = null, HttpMessageHandler? handler = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddOptions<HydrationOptions>().Configure(o =>
        {
            o.BaseUrl = _options.BaseUrl;
            o.ApiKey = _options.ApiKey;
            o.RetryDelay = _options.RetryDelay;
            o.RequestTimeout = _options.RequestTimeout;
            o.MaxConcurrentRequests = _options.MaxConcurrentRequests;
        });
        if (cache is not null)
        {
            services.AddSingleton(cache);
        }
        services.AddHydrationClient().ConfigurePrimaryHttpMessageHandler(() => handler ?? _handler);
        return services.BuildServiceProvider().GetRequiredService<HydrationClient>();
    }

    /// <summary>Holds every request a moment and records how many were in flight at once.</summary>
    private sealed class ConcurrencyProbe(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _inFlight;

        public int MaxInFlight { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            lock (this) MaxInFlight = Math.Max(MaxInFlight, now);
            try
            {
                await Task.Delay(20, cancellationToken);
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    [Fact]
    public async Task Never_has_more_requests_in_flight_than_allowed()
    {
        ServeDefaults();
        _options.MaxConcurrentRequests = 3;
        _options.RequestTimeout = TimeSpan.FromSeconds(30);
        var probe = new ConcurrencyProbe(_handler);
        var client = Client(handler: probe);

        var loads = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.LoadAsync($"S{i}", Day, CancellationToken.None)));

        Assert.All(loads, data => Assert.Equal(48.5, data.PrevClose));
        Assert.Equal(3, probe.MaxInFlight);
    }

    private const string Snapshot =
        """{"status":"OK","ticker":{"ticker":"AIG","prevDay":{"o":48.1,"h":48.9,"l":47.8,"c":48.5,"v":7000000,"vw":48.4}}}""";

    private static string DailyBars(int count, Func<int, double> volume)
    {
        var sb = new StringBuilder("""{"ticker":"AIG","status":"OK","results":[""");
        for (var i = 0; i < count; i++)
        {
            var t = new DateTimeOffset(2013, 8, 26, 4, 0, 0, TimeSpan.Zero).AddDays(i).ToUnixTimeMilliseconds();
            sb.Append(CultureInfo.InvariantCulture, $$"""{"v":{{volume(i)}},"vw":10,"o":10,"c":10.5,"h":11,"l":9,"t":{{t}},"n":100}""");
            sb.Append(i + 1 < count ? "," : "");
        }
        return sb.Append("]}").ToString();
    }

    private void ServeDefaults(int bars = 35)
    {
        _handler.Default = path =>
            path.StartsWith("/v2/snapshot/", StringComparison.Ordinal) ? FakeMassiveHandler.Json(Snapshot)
            : path.StartsWith("/v2/aggs/", StringComparison.Ordinal) ? FakeMassiveHandler.Json(DailyBars(bars, i => (i + 1) * 1000))
            : path.StartsWith("/stocks/vX/float", StringComparison.Ordinal)
                ? FakeMassiveHandler.Json("""{"status":"OK","results":[{"ticker":"AIG","free_float":1400000000,"free_float_percent":99.1}]}""")
            : new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Loads_previous_day_average_volume_of_the_last_30_days_and_float()
    {
        ServeDefaults(bars: 35);
        var data = await Client().LoadAsync("AIG", Day, CancellationToken.None);

        Assert.Equal(20131007, data.TradingDay);
        Assert.Equal(48.5, data.PrevClose);
        Assert.Equal(48.1, data.PrevOpen);
        Assert.Equal(48.9, data.PrevHigh);
        Assert.Equal(47.8, data.PrevLow);
        Assert.Equal(7_000_000, data.PrevVolume);
        Assert.Equal(48.4, data.PrevVwap);
        Assert.Equal(Enumerable.Range(6, 30).Average(i => i * 1000.0), data.AvgVolume); // bars 6..35 of 35
        Assert.Equal(1_400_000_000, data.FreeFloat);
        // the 30 sessions before Monday 2013-10-07 start on 2013-08-23, Labor Day (2013-09-02) being skipped
        Assert.Contains("/v2/aggs/ticker/AIG/range/1/day/2013-08-23/2013-10-04?adjusted=true&sort=asc&limit=5000", _handler.Requests);
        Assert.Equal("Bearer KEY", _handler.LastAuthorization);
    }

    [Fact]
    public async Task Average_volume_is_the_mean_of_the_last_30_trading_sessions_with_a_holiday_in_the_window()
    {
        var sessions = TradingCalendar.PreviousTradingDays(Day, 30);
        Assert.Contains(new DateOnly(2013, 9, 2), TradingCalendar.HolidaysOf(2013)); // Labor Day lies in the window
        // one bar per session, volume 1,000 x its position; plus a bar older than the window that the source sent anyway
        var bars = sessions.Select((d, i) => (d, (i + 1) * 1000.0)).Prepend((new DateOnly(2013, 8, 22), 1_000_000.0));
        _handler.Default = path => path.StartsWith("/v2/aggs/", StringComparison.Ordinal)
            ? FakeMassiveHandler.Json(BarsOn(bars))
            : new HttpResponseMessage(HttpStatusCode.NotFound);

        var data = await Client().LoadAsync("AIG", Day, CancellationToken.None);

        Assert.Contains("/v2/aggs/ticker/AIG/range/1/day/2013-08-23/2013-10-04?adjusted=true&sort=asc&limit=5000", _handler.Requests);
        Assert.Equal(Enumerable.Range(1, 30).Average(i => i * 1000.0), data.AvgVolume);
    }

    /// <summary>Daily bars stamped at midnight New York time of each date, as Massive stamps them.</summary>
    private static string BarsOn(IEnumerable<(DateOnly Date, double Volume)> bars)
    {
        var sb = new StringBuilder("""{"ticker":"AIG","status":"OK","results":[""");
        sb.AppendJoin(',', bars.Select(b => string.Create(CultureInfo.InvariantCulture,
            $$"""{"v":{{b.Volume}},"vw":10,"o":10,"c":10.5,"h":11,"l":9,"t":{{TradingCalendar.At(b.Date, TimeOnly.MinValue)}},"n":100}""")));
        return sb.Append("]}").ToString();
    }

    [Fact]
    public async Task Missing_float_is_zero_and_missing_snapshot_falls_back_to_the_last_daily_bar()
    {
        _handler.Default = path => path.StartsWith("/v2/aggs/", StringComparison.Ordinal)
            ? FakeMassiveHandler.Json(DailyBars(3, i => 100))
            : new HttpResponseMessage(HttpStatusCode.NotFound);
        var data = await Client().LoadAsync("AIG", Day, CancellationToken.None);
        Assert.Equal(0, data.FreeFloat);
        Assert.Equal(10.5, data.PrevClose);
        Assert.Equal(100, data.AvgVolume);
    }

    [Fact]
    public async Task Transient_failures_and_timeouts_are_retried()
    {
        ServeDefaults();
        _handler.Script("/v2/snapshot/",
            () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            () => new HttpResponseMessage(HttpStatusCode.GatewayTimeout)); // hangs: the attempt times out
        var data = await Client().LoadAsync("AIG", Day, CancellationToken.None);
        Assert.Equal(48.5, data.PrevClose);
        Assert.Equal(3, _handler.Requests.Count(p => p.StartsWith("/v2/snapshot/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_symbol_unknown_everywhere_fails_and_the_failure_is_cached()
    {
        var cache = new ReferenceDataCache(TimeProvider.System);
        await Assert.ThrowsAsync<HydrationException>(() => Client(cache).LoadAsync("NOPE", Day, CancellationToken.None));
        var requests = _handler.Requests.Count;
        await Assert.ThrowsAsync<HydrationException>(() => Client(cache).LoadAsync("NOPE", Day, CancellationToken.None));
        Assert.Equal(requests, _handler.Requests.Count);
    }

    [Fact]
    public async Task Gives_up_after_the_configured_attempts()
    {
        _handler.Default = _ => new HttpResponseMessage(HttpStatusCode.InternalServerError);
        var error = await Assert.ThrowsAsync<HydrationException>(() => Client().LoadAsync("AIG", Day, CancellationToken.None));
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _handler.Requests.Count);
    }

    [Fact]
    public async Task Answers_that_are_not_transient_are_not_retried()
    {
        await Assert.ThrowsAsync<HydrationException>(() => Client().LoadAsync("NOPE", Day, CancellationToken.None)); // 404 everywhere
        Assert.Single(_handler.Requests); // the daily bars, asked once: without them there is nothing to load
    }

    [Fact]
    public async Task Success_is_cached_per_symbol_and_day_and_shared_by_concurrent_callers()
    {
        ServeDefaults();
        var cache = new ReferenceDataCache(TimeProvider.System);
        var loads = Enumerable.Range(0, 5).Select(_ => Client(cache).LoadAsync("AIG", Day, CancellationToken.None));
        var results = await Task.WhenAll(loads);
        Assert.All(results, r => Assert.Equal(results[0], r));
        Assert.Equal(3, _handler.Requests.Count); // aggs, snapshot, float: once

        await Client(cache).LoadAsync("AIG", Day.AddDays(1), CancellationToken.None);
        Assert.Equal(6, _handler.Requests.Count);
    }
}
