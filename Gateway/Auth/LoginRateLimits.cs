using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Scanner.Gateway.Auth;

/// <summary>
/// Login attempts allowed per window (<see cref="AuthOptions.LoginWindow"/>): <see cref="AuthOptions.LoginsPerAddress"/>
/// per client address (ASP.NET Core's rate limiter on <c>POST /auth/token</c>) and <see cref="AuthOptions.LoginsPerUser"/>
/// per user name (checked by the endpoint, which alone knows the name). Either refuses with 429 and Retry-After.
/// </summary>
internal sealed class LoginRateLimits : IDisposable
{
    public const string PerAddressPolicy = "login-per-address";

    private readonly PartitionedRateLimiter<string> _perUser;

    public LoginRateLimits(IOptions<AuthOptions> options)
    {
        var settings = options.Value;
        _perUser = PartitionedRateLimiter.Create<string, string>(
            user => RateLimitPartition.GetFixedWindowLimiter(user, _ => Window(settings.LoginsPerUser, settings)),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Registers the per-address policy and the 429 reply with Retry-After.</summary>
    public static void AddLoginRateLimits(IServiceCollection services)
    {
        services.AddSingleton<LoginRateLimits>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) =>
            {
                var services = rejected.HttpContext.RequestServices;
                services.GetRequiredService<Health.GatewayMetrics>().AuthFailed();
                var settings = services.GetRequiredService<IOptions<AuthOptions>>().Value;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : settings.LoginWindow;
                return new ValueTask(TooManyAttempts(retryAfter).ExecuteAsync(rejected.HttpContext));
            };
            limiter.AddPolicy(PerAddressPolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => Window(settings.LoginsPerAddress, settings));
            });
        });
    }

    /// <summary>Takes one attempt for <paramref name="user"/>; null when allowed, else how long to wait.</summary>
    public TimeSpan? TryAttempt(string user)
    {
        using var lease = _perUser.AttemptAcquire(user);
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
    }

    /// <summary>429 with Retry-After in whole seconds (at least one).</summary>
    public static IResult TooManyAttempts(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        return new TooManyAttemptsResult(seconds);
    }

    public void Dispose() => _perUser.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits, AuthOptions settings) =>
        new() { PermitLimit = permits, Window = settings.LoginWindow, QueueLimit = 0, AutoReplenishment = true };

    private sealed class TooManyAttemptsResult(long retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Results.Json(new { error = "too many login attempts", retry_after = retryAfterSeconds },
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(httpContext);
        }
    }
}
