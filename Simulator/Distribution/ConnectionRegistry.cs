using System.Collections.Concurrent;

namespace Scanner.Simulator.Distribution;

/// <summary>
/// The open feed connections, and which one holds each API key (one connection per key, as Massive allows).
/// Publishing iterates a snapshot array, so the hot path takes no lock and allocates nothing.
/// </summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<int, FeedConnection> _connections = new();
    private readonly ConcurrentDictionary<string, FeedConnection> _keyHolders = new(StringComparer.Ordinal);
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
            _keyHolders.TryRemove(new KeyValuePair<string, FeedConnection>(key, connection));
        }
        Rebuild();
    }

    /// <summary>Makes the connection the holder of the key; false when another open connection holds it.</summary>
    public bool TryClaimKey(string key, FeedConnection connection) =>
        _keyHolders.TryAdd(key, connection) || ReferenceEquals(_keyHolders.GetValueOrDefault(key), connection);

    private void Rebuild()
    {
        lock (_rebuild)
        {
            Volatile.Write(ref _snapshot, [.. _connections.Values.OrderBy(c => c.Id)]);
        }
    }
}
