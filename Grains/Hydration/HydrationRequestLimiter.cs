using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Scanner.Hydration;

/// <summary>
/// Bounds the silo's concurrent REST requests (<see cref="HydrationOptions.MaxConcurrentRequests"/>): ten thousand
/// tickers activating at the open would otherwise open thousands of connections at once to a rate-limited API.
/// One per silo; the hydration client's resilience pipeline takes a permit per attempt (see
/// <see cref="HydrationClientRegistration"/>); the others wait their turn, oldest first.
/// </summary>
public sealed class HydrationRequestLimiter(IOptions<HydrationOptions> options) : IDisposable
{
    public RateLimiter Limiter { get; } = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrentRequests,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public void Dispose() => Limiter.Dispose();
}
