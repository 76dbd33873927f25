using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Scanner.ServiceDefaults.Logging;

/// <summary>
/// Log levels every process starts from: per-request lines (ASP.NET Core's and HttpClient's are
/// silenced; <see cref="RequestLogging"/> writes them at Debug).
/// A level set in configuration (<c>Logging:LogLevel:{category}</c>) wins over these. JSON console lines:
/// <c>Logging:Console:FormatterName=json</c> or <c>SCANNER_LOG_FORMAT=json</c>.
/// </summary>
public static class LoggingDefaults
{
    /// <summary>Categories that log a line per request; the level they get unless configured.</summary>
    public static readonly IReadOnlyList<(string Category, LogLevel Level)> Quiet =
    [
        // Prints the full URL (a ?token= with it): never above Warning, our RequestLogging replaces it.
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning),
        ("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Warning),
        ("Microsoft.AspNetCore.Http.Result", LogLevel.Warning),
        ("System.Net.Http.HttpClient", LogLevel.Warning),
    ];

    public static void AddLoggingDefaults(this IHostApplicationBuilder builder)
    {
        foreach (var (category, level) in Quiet)
        {
            if (builder.Configuration[$"Logging:LogLevel:{category}"] is null)
            {
                builder.Logging.AddFilter(category, level);
            }
        }
    }
}
