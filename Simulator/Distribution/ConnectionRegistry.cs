using System.Collections.Concurrent;

namespace Scanner.Simulator.Distribution;

/// <summary>
/// The open feed connections, and which ones hold each API key (Massive allows one connection per key and asset class;
/// tests that need several consumers raise <see cref="SimulatorOptions.MaxConnectionsPerKey"/>).
/// Publishing iterates a snapshot array, so the hot path takes no lock and allocates nothing.
/// </summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<int, FeedConnection> _connections = new();
    private readonly Dictionary<string, int> _keyHolders = new(StringComparer.Ordinal);
    private readonly Lock _rebuild = new();
    private FeedConnection[] _snapshot = [];
    private int _nextId;

    public FeedConnection[] Snapshot => Volatile.Read(ref _snapshot);

    public int NextId() => Interlocked.Increment(ref _nextId);

    public void Add(FeedConnection connection)
    {
        _connections[connection.Id] = connection;
        Rebuild();
    }

    public void Remove(FeedConnection connection)
    {
        _connections.TryRemove(connection.Id, out _);
        if (connection.ApiKey is { } key)
        {
            lock (_keyHolders)
            {
                if (--_keyHolders[key] == 0)
                {
                    _keyHolders.Remove(key);
                }
            }
        }
        Rebuild();
    }

    /// <summary>Counts one more holder of the key; false when <paramref name="limit"/> open connections hold it already.</summary>
    public bool TryClaimKey(string key, int limit)
    {
        lock (_keyHolders)
        {
            var holders = _keyHolders.GetValueOrDefault(key);
            if (holders >= limit)
            {
                return false;
            }
            _keyHolders[key] = holders + 1;
            return true;
        }
    }

    private void Rebuild()
    {
        lock (_rebuild)
        {
            Volatile.Write(ref _snapshot, [.. _connections.Values.OrderBy(c => c.Id)]);
        }
    }
}
