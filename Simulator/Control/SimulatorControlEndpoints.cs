using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scanner.Simulator.Sources;

namespace Scanner.Simulator.Control;

/// <summary>
/// The simulator's control API on its REST port: <c>GET /control</c>; <c>POST /control/pause</c> and
/// <c>/control/resume</c> stop and restart its market clock (no events flow while paused); <c>PUT /control/speed</c>
/// with <c>{"speed": 10}</c> runs it N times faster (the replay's pace; the synthetic source's event rate and clock).
/// Allowed with the API key or from loopback (<see cref="SimulatorControlAccess"/>); every change is logged with who.
/// </summary>
public static partial class SimulatorControlEndpoints
{
    public static RouteGroupBuilder MapSimulatorControl(this IEndpointRouteBuilder app, SimulatorOptions options)
    {
        var group = app.MapGroup("/control").AddEndpointFilter(async (context, next) =>
            SimulatorControlAccess.Caller(context.HttpContext, options.ApiKey) is null
                ? Results.Json(new { error = "the control API needs the simulator's API key, or a call from loopback" }, statusCode: StatusCodes.Status401Unauthorized)
                : await next(context));
        group.MapGet("", (IFeedSource source) => State(source));
        group.MapPost("/pause", (HttpContext http, IFeedSource source) => Apply(http, options, source, "pause", () => source.Clock.Pause()));
        group.MapPost("/resume", (HttpContext http, IFeedSource source) => Apply(http, options, source, "resume", () => source.Clock.Resume()));
        group.MapPut("/speed", (HttpContext http, IFeedSource source, [FromBody] SpeedChange change) =>
            change.Speed is > 0 and <= 10_000 && double.IsFinite(change.Speed)
                ? Apply(http, options, source, $"set speed {change.Speed}", () => source.Clock.SetSpeed(change.Speed))
                : Results.BadRequest(new { error = "speed must be a number above 0 and at most 10000 (0 = as fast as possible is a start-up option)" }));
        return group;
    }

    private static SimulatorControlState State(IFeedSource source) =>
        new(source.Name, source.Clock.IsPaused, source.Clock.Speed, DateTimeOffset.FromUnixTimeMilliseconds(source.Clock.NowUnixMs));

    private static IResult Apply(HttpContext http, SimulatorOptions options, IFeedSource source, string action, Action change)
    {
        change();
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SimulatorControlEndpoints));
        var state = State(source);
        LogApplied(logger, SimulatorControlAccess.Caller(http, options.ApiKey) ?? "unknown", action, state.Paused, state.Speed);
        return Results.Ok(state);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Control: {Caller} asked to {Action}; clock paused={Paused}, speed={Speed}")]
    private static partial void LogApplied(ILogger logger, string caller, string action, bool paused, double speed);
}

/// <summary>The body of <c>PUT /control/speed</c>.</summary>
public sealed record SpeedChange(double Speed);
