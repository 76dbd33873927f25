using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Scanner.ServiceDefaults.Health;

/// <summary>The JSON of <c>/health/live</c> and <c>/health/ready</c>, and the status words of <c>/health</c>.</summary>
public static class HealthResponses
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            reasons = Reasons(report),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }

    /// <summary>Why the report is not healthy: each failing check's description, prefixed by its name.</summary>
    public static string[] Reasons(HealthReport report) =>
        [.. report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}")];

    /// <summary>The lower-case word of <c>/health</c>: healthy, degraded or unhealthy.</summary>
    public static string Word(HealthStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>200 unless unhealthy (503), for <c>/health</c> and <c>/health/ready</c> alike.</summary>
    public static int StatusCode(HealthStatus status) =>
        status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
}
