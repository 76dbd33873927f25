using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scanner.Simulator.Reference;
using Scanner.Simulator.Sources;
using Scanner.Simulator.Time;
using Scanner.Calendar;

namespace Scanner.Simulator.Rest;

/// <summary>
/// The Massive REST endpoints the scanner hydrates from (docs/contracts/reference-data.md), with the same paths and JSON
/// shapes: previous day snapshot, daily aggregates, free float and market status, all from the source's reference
/// data and clock. Bars of the simulated day and later are never served: that day has not finished.
/// </summary>
public static class ReferenceEndpoints
{
    public static void MapReferenceEndpoints(this IEndpointRouteBuilder app, SimulatorOptions options)
    {
        var group = app.MapGroup("").AddEndpointFilter(async (context, next) =>
            RestApiKey.IsAuthorized(context.HttpContext.Request, options.ApiKey)
                ? await next(context)
                : Results.Json(new { status = "ERROR", request_id = RequestId(), error = "Unknown API Key" }, statusCode: StatusCodes.Status401Unauthorized));

        group.MapGet("/v2/snapshot/locale/us/markets/stocks/tickers/{ticker}", Snapshot);
        group.MapGet("/v2/aggs/ticker/{ticker}/range/{multiplier:int}/{timespan}/{from}/{to}", DailyAggregates);
        group.MapGet("/stocks/vX/float", Float);
        group.MapGet("/v1/marketstatus/now", MarketStatus);
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
        IEnumerable<DailyBar> selected = bars.Where(b => b.Date >= first && b.Date <= last && b.Date < day);
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

    private static IResult Float(string? ticker, IFeedSource source)
    {
        if (string.IsNullOrWhiteSpace(ticker))
        {
            return Results.Json(new { status = "ERROR", request_id = RequestId(), error = "ticker is required." }, statusCode: StatusCodes.Status400BadRequest);
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
