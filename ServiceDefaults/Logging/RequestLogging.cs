using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Scanner.ServiceDefaults.Logging;

/// <summary>
/// One Debug line per HTTP request, with credentials in the query masked. It replaces ASP.NET Core's own
/// request lines (category <c>Microsoft.AspNetCore.Hosting.Diagnostics</c>, silenced by the logging defaults),
/// which print the whole URL, <c>?token=</c> included, and at Information fill the log with health probes.
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            await next(context);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            LogRequest(logger, context.Request.Method, context.Request.Path, QueryRedaction.Redact(context.Request.QueryString),
                context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "HTTP {Method} {Path}{Query} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, PathString path, string query, int statusCode, double elapsedMs);
}
