using System.Collections.Concurrent;
using Scanner.Ticker;

namespace Scanner.Hydration;

/// <summary>
/// The silo-wide cache of reference data loads, keyed by symbol and trading day. Concurrent requests for one key
/// share one load; a success is kept for <see cref="HydrationOptions.CacheDuration"/>, a failure for
/// <see cref="HydrationOptions.NegativeCacheDuration"/> (a negative cache).
/// </summary>
public sealed class ReferenceDataCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Symbol, DateOnly Day), Entry> _entries = new();

    public Task<ReferenceData> GetOrLoad(
        string symbol, DateOnly day, TimeSpan keep, TimeSpan keepFailure, Func<Task<ReferenceData>> load)
    {
        var now = time.GetUtcNow();
        var key = (symbol, day);
        while (true)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                var expired = entry.Load.IsCompleted
                    && now - entry.CompletedAt > (entry.Load.IsCompletedSuccessfully ? keep : keepFailure);
                if (!expired)
                {
                    return entry.Load;
                }
                _entries.TryRemove(new KeyValuePair<(string, DateOnly), Entry>(key, entry));
                continue;
            }
            var created = new Entry(load);
            if (_entries.TryAdd(key, created))
            {
                created.Start(time);
                return created.Load;
            }
        }
    }

    private sealed class Entry(Func<Task<ReferenceData>> load)
    {
        private readonly TaskCompletionSource<ReferenceData> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private DateTimeOffset _completedAt;

        public Task<ReferenceData> Load => _result.Task;

        public DateTimeOffset CompletedAt => _completedAt;

        public void Start(TimeProvider time) => _ = Run(time);

        private async Task Run(TimeProvider time)
        {
            try
            {
                var result = await load().ConfigureAwait(false);
                _completedAt = time.GetUtcNow();
                _result.SetResult(result);
            }
            catch (Exception ex)
            {
                _completedAt = time.GetUtcNow();
                _result.SetException(ex);
            }
        }
    }
}
