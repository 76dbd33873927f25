using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Scanner.Silo.Control;

namespace Scanner.Silo.Operations;

/// <summary>
/// Who may use the operator endpoints (the Orleans Dashboard, the control API, the operator page): they show grain
/// state and steer the feed, so they sit behind the <see cref="OperatorAuthenticationHandler"/> scheme. Changes are
/// refused when a browser sends them from another site (the browser would attach cached Basic credentials).
/// </summary>
public static class OperatorAccess
{
    public const string PolicyName = "operator";

    public static IServiceCollection AddOperatorAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OperatorOptions>().Bind(configuration.GetSection(OperatorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new OperatorCredentials(sp.GetRequiredService<IOptions<OperatorOptions>>().Value));
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, OperatorAuthenticationHandler>(OperatorAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy
            .AddAuthenticationSchemes(OperatorAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        services.AddSingleton<ListenerStateMetrics>();
        return services;
    }

    /// <summary>Maps every operator endpoint behind the operator policy.</summary>
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder app)
    {
        // Created now so its gauges exist from the first scrape; nothing else asks for it.
        app.ServiceProvider.GetRequiredService<ListenerStateMetrics>();
        app.MapOrleansDashboard("/dashboard").RequireAuthorization(PolicyName);
        app.MapFeedControl().RequireAuthorization(PolicyName).AddEndpointFilter(async (context, next) =>
            IsCrossSiteChange(context.HttpContext.Request)
                ? Results.Json(new ControlError("refused: a change sent from another site"), statusCode: StatusCodes.Status403Forbidden)
                : await next(context));
        app.MapOperatorPage().RequireAuthorization(PolicyName);
        return app;
    }

    /// <summary>Requires the operator sign-in on <paramref name="metrics"/> when <c>Operator:ProtectMetrics</c> is on.</summary>
    public static void ProtectMetricsIfConfigured(this IEndpointConventionBuilder metrics, IConfiguration configuration)
    {
        if (configuration.GetSection(OperatorOptions.Section).Get<OperatorOptions>()?.ProtectMetrics == true)
        {
            metrics.RequireAuthorization(PolicyName);
        }
    }

    /// <summary>The operator and address a request came from, for the action log.</summary>
    public static string Describe(HttpContext http) =>
        $"{http.User.Identity?.Name ?? "anonymous"}@{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    /// <summary>
    /// True for a state-changing request a browser sent on behalf of another site (<c>Sec-Fetch-Site: cross-site</c>,
    /// or an <c>Origin</c> other than this host). curl and scripts send neither header.
    /// </summary>
    public static bool IsCrossSiteChange(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return false;
        }
        if (string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
