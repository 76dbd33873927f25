using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scanner.Simulator.Reference;
using Scanner.Simulator.Sources;
using Scanner.Simulator.Time;
using Scanner.Calendar;

namespace Scanner.Simulator.Rest;

/// <summary>
/// The Massive REST endpoints the scanner hydrates from (docs/contracts/reference-data.md), with the same paths and JSON
/// shapes: per ticker the previous day snapshot, daily aggregates and free float; for the whole market the grouped
/// daily bars of a date and the float listing (paginated along <c>next_url</c>); and market status, all from the
/// source's reference data and clock. Bars of the simulated day and later are never served: that day has not
/// finished. Each authorized request is counted per endpoint name (<see cref="RestRequestCounts"/>).
/// </summary>
public static class ReferenceEndpoints
{
    /// <summary>Names as written: the grouped bars carry both <c>T</c> (the symbol) and <c>t</c> (the time), which camel case would merge.</summary>
    private static readonly JsonSerializerOptions ExactNames = new();

    /// <summary>Float listing rows per page: <c>limit</c>'s default and its most.</summary>
    public const int DefaultPageSize = 100, MaxPageSize = 5000;

    public static void MapReferenceEndpoints(this IEndpointRouteBuilder app, SimulatorOptions options)
    {
        var counts = app.ServiceProvider.GetRequiredService<RestRequestCounts>();
        var group = app.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            if (!RestApiKey.IsAuthorized(context.HttpContext.Request, options.ApiKey))
            {
                return Results.Json(new { status = "ERROR", request_id = RequestId(), error = "Unknown API Key" }, statusCode: StatusCodes.Status401Unauthorized);
            }
            counts.Count(context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "other");
            return await next(context);
        });

        group.MapGet("/v2/snapshot/locale/us/markets/stocks/tickers/{ticker}", Snapshot).WithName("snapshot");
        group.MapGet("/v2/aggs/ticker/{ticker}/range/{multiplier:int}/{timespan}/{from}/{to}", DailyAggregates).WithName("aggregates");
        group.MapGet("/v2/aggs/grouped/locale/us/market/stocks/{date}", GroupedDaily).WithName("grouped_daily");
        group.MapGet("/stocks/vX/float", Float).WithName("float");
        group.MapGet("/v1/marketstatus/now", MarketStatus).WithName("market_status");
    }

    private static IResult Snapshot(string ticker, IFeedSource source)
    {
        var symbol = ticker.ToUpperInvariant();
        if (source.Reference.PreviousDay(symbol) is not { } prev)
        {
            return NotFound();
        }
        return Results.Json(new
        {
            status = "OK",
            request_id = RequestId(),
            ticker = new
            {
                ticker = symbol,
                todaysChange = 0.0,
                todaysChangePerc = 0.0,
                updated = source.Clock.NowUnixMs * 1_000_000,
                prevDay = new { o = prev.Open, h = prev.High, l = prev.Low, c = prev.Close, v = prev.Volume, vw = prev.Vwap },
            },
        });
    }

    private static IResult DailyAggregates(string ticker, int multiplier, string timespan, string from, string to, string? sort, int? limit, IFeedSource source)
    {
        if (multiplier != 1 || !string.Equals(timespan, "day", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Json(new { status = "ERROR", request_id = RequestId(), error = "The simulator serves daily bars only (range/1/day)." }, statusCode: StatusCodes.Status400BadRequest);
        }
        if (!TryParseDate(from, out var first) || !TryParseDate(to, out var last))
        {
            return Results.Json(new { status = "ERROR", request_id = RequestId(), error = "from and to must be yyyy-MM-dd or Unix ms." }, statusCode: StatusCodes.Status400BadRequest);
        }
        var symbol = ticker.ToUpperInvariant();
        if (source.Reference.DailyBars(symbol) is not { } bars)
        {
            return NotFound();
        }
        var day = source.Reference.Day;
        IEnumerable<ReferenceBar> selected = bars.Where(b => b.Date >= first && b.Date <= last && b.Date < day);
        if (string.Equals(sort, "desc", StringComparison.OrdinalIgnoreCase))
        {
            selected = selected.Reverse();
        }
        var results = selected
            .Take(limit is > 0 ? limit.Value : 5_000)
            .Select(b => new { v = b.Volume, vw = b.Vwap, o = b.Open, c = b.Close, h = b.High, l = b.Low, t = TradingCalendar.At(b.Date, TimeOnly.MinValue) })
            .ToList();
        return Results.Json(new
        {
            ticker = symbol,
            queryCount = results.Count,
            resultsCount = results.Count,
            adjusted = true,
            results,
            status = "OK",
            request_id = RequestId(),
            count = results.Count,
        });
    }

    /// <summary>Every symbol's bar of one date (<c>T</c> names it); none for the simulated day or later, nor for a date without trading.</summary>
    private static IResult GroupedDaily(string date, IFeedSource source)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Results.Json(new { status = "ERROR", request_id = RequestId(), error = "date must be yyyy-MM-dd." }, statusCode: StatusCodes.Status400BadRequest);
        }
        var reference = source.Reference;
        var results = day >= reference.Day ? [] : reference.Symbols
            .Select(symbol => (Symbol: symbol, Bar: reference.DailyBars(symbol)?.FirstOrDefault(b => b.Date == day)))
            .Where(static row => row.Bar is not null)
            .Select(static row => new { T = row.Symbol, v = row.Bar!.Volume, vw = row.Bar.Vwap, o = row.Bar.Open, c = row.Bar.Close, h = row.Bar.High, l = row.Bar.Low, t = TradingCalendar.At(row.Bar.Date, TimeOnly.MinValue) })
            .ToList();
        return results.Count == 0
            ? Results.Json(new { queryCount = 0, resultsCount = 0, adjusted = true, status = "OK", request_id = RequestId() }, ExactNames)
            : Results.Json(new { queryCount = results.Count, resultsCount = results.Count, adjusted = true, results, status = "OK", request_id = RequestId(), count = results.Count }, ExactNames);
    }

    /// <summary>
    /// One symbol's float (<c>?ticker=</c>), or the listing of every known float in ticker order, <c>limit</c> a page
    /// (default 100, at most 5000) with a <c>next_url</c> carrying an opaque <c>cursor</c> while more follow.
    /// </summary>
    private static IResult Float(string? ticker, int? limit, string? cursor, HttpRequest request, IFeedSource source)
    {
        if (ticker is null)
        {
            return FloatListing(limit, cursor, request, source);
        }
        if (string.IsNullOrWhiteSpace(ticker))
        {
            return Results.Json(new { status = "ERROR", request_id = RequestId(), error = "ticker must not be empty." }, statusCode: StatusCodes.Status400BadRequest);
        }
        var symbol = ticker.ToUpperInvariant();
        if (source.Reference.DailyBars(symbol) is null)
        {
            return NotFound();
        }
        var results = source.Reference.FreeFloat(symbol) is { } shares
            ? new object[] { new { ticker = symbol, free_float = shares, effective_date = source.Reference.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } }
            : [];
        return Results.Json(new { status = "OK", request_id = RequestId(), results });
    }

    private static IResult FloatListing(int? limit, string? cursor, HttpRequest request, IFeedSource source)
    {
        var after = "";
        var size = limit ?? DefaultPageSize;
        if (cursor is not null && !FloatCursor.TryRead(cursor, out size, out after))
        {
            return Results.Json(new { status = "ERROR", request_id = RequestId(), error = "cursor is not valid." }, statusCode: StatusCodes.Status400BadRequest);
        }
        if (size is < 1 or > MaxPageSize)
        {
            return Results.Json(new { status = "ERROR", request_id = RequestId(), error = $"limit must be between 1 and {MaxPageSize}." }, statusCode: StatusCodes.Status400BadRequest);
        }
        var reference = source.Reference;
        var page = reference.Symbols
            .Where(symbol => string.CompareOrdinal(symbol, after) > 0)
            .Order(StringComparer.Ordinal)
            .Select(symbol => (Symbol: symbol, Shares: reference.FreeFloat(symbol)))
            .Where(static row => row.Shares is not null)
            .Take(size + 1)
            .ToList();
        var effective = reference.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var results = page.Take(size).Select(row => new { ticker = row.Symbol, free_float = row.Shares, effective_date = effective }).ToList();
        if (page.Count <= size)
        {
            return Results.Json(new { status = "OK", request_id = RequestId(), results });
        }
        var next_url = $"{request.Scheme}://{request.Host}/stocks/vX/float?cursor={FloatCursor.Write(size, page[size - 1].Symbol)}";
        return Results.Json(new { status = "OK", request_id = RequestId(), results, next_url });
    }

    private static IResult MarketStatus(IFeedSource source)
    {
        var now = source.Clock.NowUnixMs;
        var session = TradingCalendar.SessionAt(now);
        var market = session.MarketValue();
        var local = TradingCalendar.ToNewYork(now);
        var serverTime = new DateTimeOffset(local, TradingCalendar.NewYork.GetUtcOffset(local));
        return Results.Json(new
        {
            market,
            earlyHours = session == MarketSession.PreMarket,
            afterHours = session == MarketSession.AfterHours,
            serverTime = serverTime.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            exchanges = new { nyse = market, nasdaq = market, otc = market },
            currencies = new { fx = "open", crypto = "open" },
        });
    }

    private static bool TryParseDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unixMs))
        {
            date = DateOnly.FromDateTime(TradingCalendar.ToNewYork(unixMs));
            return true;
        }
        return false;
    }

    private static IResult NotFound() =>
        Results.Json(new { status = "NOT_FOUND", request_id = RequestId(), message = "Ticker not found." }, statusCode: StatusCodes.Status404NotFound);

    private static string RequestId() => Guid.NewGuid().ToString("N");
}
