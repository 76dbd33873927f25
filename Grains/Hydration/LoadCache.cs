using System.Collections.Concurrent;

namespace Scanner.Hydration;

/// <summary>
/// A silo-wide cache of loads by key: concurrent requests for one key share one load; a success is kept for
/// <c>keep</c>, a failure for <c>keepFailure</c> (a negative cache, so thousands of callers do not hammer a failing
/// service). <see cref="ReferenceDataCache"/> and <see cref="MarketReferenceCache"/> are its two uses.
/// </summary>
public class LoadCache<TKey, TValue>(TimeProvider time)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();

    public Task<TValue> GetOrLoad(TKey key, TimeSpan keep, TimeSpan keepFailure, Func<Task<TValue>> load)
    {
        var now = time.GetUtcNow();
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
                _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
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

    /// <summary>Forgets the entries whose key <paramref name="stale"/> says is no longer wanted.</summary>
    public void RemoveWhere(Func<TKey, bool> stale)
    {
        foreach (var key in _entries.Keys)
        {
            if (stale(key))
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private sealed class Entry(Func<Task<TValue>> load)
    {
        private readonly TaskCompletionSource<TValue> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private DateTimeOffset _completedAt;

        public Task<TValue> Load => _result.Task;

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
