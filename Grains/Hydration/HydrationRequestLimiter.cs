using Microsoft.Extensions.Options;

namespace Scanner.Hydration;

/// <summary>
/// Bounds the silo's concurrent REST requests (<see cref="HydrationOptions.MaxConcurrentRequests"/>): ten thousand
/// tickers activating at the open would otherwise open thousands of connections at once to a rate-limited API.
/// </summary>
public sealed class HydrationRequestLimiter(IOptions<HydrationOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentRequests, options.Value.MaxConcurrentRequests);

    /// <summary>Waits for a free slot; dispose the result to give it back.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
