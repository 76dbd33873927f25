using Microsoft.Extensions.Options;

namespace Scanner.Gateway.Auth;

/// <summary>
/// Warns at start when auth is on with demo credentials: a configured user whose password is its own name (how the
/// local demo configures demo/demo). Such a gateway must never be reachable by others.
/// </summary>
internal sealed partial class DemoUserWarning(IOptions<AuthOptions> options, ILogger<DemoUserWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Enabled)
        {
            var names = settings.Users.Where(u => u.Key == u.Value).Select(u => u.Key).ToList();
            if (names.Count > 0)
            {
                LogDemoCredentials(logger, string.Join(", ", names));
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo credentials are on (users whose password is their name: {Users}): for a local demo only, never expose this gateway")]
    private static partial void LogDemoCredentials(ILogger logger, string users);
}
