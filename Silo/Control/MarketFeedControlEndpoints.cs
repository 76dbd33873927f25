using Microsoft.AspNetCore.Mvc;
using Scanner.Silo.MarketFeed;
using Scanner.Silo.Operations;

namespace Scanner.Silo.Control;

/// <summary>
/// The control API of the feed listener, under <c>/control/feed</c> (operators only; see <see cref="OperatorAccess"/>):
/// <c>GET</c> the state; <c>POST stop|start|reconnect</c>; <c>PUT subscriptions</c> (a JSON array such as
/// <c>["T.*","A.*"]</c>) and <c>PUT url</c> (<c>{"url":"wss://..."}</c>). Changes go to the silo holding the
/// listener lease (or to one whose listener gave up and released it); any other silo answers 409 with the holder's name. Every accepted or refused change is logged
/// with who asked.
/// </summary>
public static partial class MarketFeedControlEndpoints
{
    public const string Prefix = "/control/feed";

    public static RouteGroupBuilder MapFeedControl(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix);
        group.MapGet("", (MarketFeedControl control, ListenerIdentity identity, MarketFeedListenerStatus status, MarketFeedMetrics metrics) =>
            Results.Json(MarketFeedControlState.Of(control, identity, status.Snapshot(metrics.Snapshot()))));
        group.MapPost("/stop", (HttpContext http, MarketFeedControl control) => Apply(http, control, "stop", control.Stop));
        group.MapPost("/start", (HttpContext http, MarketFeedControl control) => Apply(http, control, "start", control.Start));
        group.MapPost("/reconnect", (HttpContext http, MarketFeedControl control) => Apply(http, control, "reconnect", control.Reconnect));
        group.MapPut("/subscriptions", (HttpContext http, MarketFeedControl control, [FromBody] string[] subscriptions) =>
            MarketFeedSubscriptionList.TryNormalize(subscriptions, out var normalized, out var error)
                ? Apply(http, control, "set subscriptions of", () => control.SetSubscriptions(normalized))
                : Results.BadRequest(new ControlError(error)));
        group.MapPut("/url", (HttpContext http, MarketFeedControl control, [FromBody] FeedUrlChange change) =>
            MarketFeedControl.TryParseUrl(change.Url, out var url)
                ? Apply(http, control, "set the URL of", () => control.SetUrl(url))
                : Results.BadRequest(new ControlError("url must be an absolute ws:// or wss:// URL")));
        return group;
    }

    private static IResult Apply(HttpContext http, MarketFeedControl control, string action, Func<FeedListenerDesiredState> change)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MarketFeedControlEndpoints));
        var who = OperatorAccess.Describe(http);
        if (!control.Enabled)
        {
            LogRefused(logger, who, action, "the listener is disabled by configuration");
            return Results.Conflict(new ControlError("the listener of this silo is disabled by configuration (Feed:Enabled=false)"));
        }
        if (!control.AcceptsChanges)
        {
            var holder = control.LeaseHolder ?? "nobody yet";
            LogRefused(logger, who, action, $"the lease is held by {holder}");
            return Results.Conflict(new ControlError(
                "this silo does not hold the feed listener lease, so it has no socket: send the request to the holder", holder));
        }
        var desired = change();
        LogApplied(logger, who, action, desired.Running, desired.DisplayUrl, string.Join(',', desired.Subscriptions));
        return Results.Accepted(Prefix, desired);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator {Operator} asked to {Action} the feed listener: refused, {Reason}")]
    private static partial void LogRefused(ILogger logger, string @operator, string action, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator {Operator} asked to {Action} the feed listener: now running={Running}, url={Url}, subscriptions={Subscriptions}")]
    private static partial void LogApplied(ILogger logger, string @operator, string action, bool running, string url, string subscriptions);
}

/// <summary>The body of <c>PUT /control/feed/url</c>.</summary>
public sealed record FeedUrlChange(string? Url);

/// <summary>Why a control request was refused; <see cref="LeaseHolder"/> names the silo to ask instead.</summary>
public sealed record ControlError(string Error, string? LeaseHolder = null);
