using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Scanner.Gateway.Hosting;

namespace Scanner.Gateway.Connections;

/// <summary>
/// The open client connections: enforces connections per user and runs one sweep a second that closes stalled,
/// unauthenticated and idle clients (one timer for all clients, nothing per send).
/// </summary>
internal sealed class ClientRegistry(IOptions<GatewayOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<ClientConnection, byte> _clients = new();
    private readonly Dictionary<string, int> _perUser = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Timer? _sweeper;

    public int Count => _clients.Count;

    /// <summary>The protocol sessions of the open connections (what the gateway's own tests inspect).</summary>
    public IReadOnlyCollection<ClientSession> Sessions => [.. _clients.Keys.Select(c => c.Session)];

    public void Start() => _sweeper = new Timer(_ => Sweep(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    public void Add(ClientConnection client) => _clients.TryAdd(client, 0);

    public void Remove(ClientConnection client) => _clients.TryRemove(client, out _);

    /// <summary>Counts a connection of <paramref name="user"/>; false when the user is at the limit.</summary>
    public bool TryAcquireUser(string user)
    {
        lock (_gate)
        {
            var count = _perUser.GetValueOrDefault(user);
            if (count >= options.Value.MaxConnectionsPerUser)
            {
                return false;
            }
            _perUser[user] = count + 1;
            return true;
        }
    }

    public void ReleaseUser(string user)
    {
        lock (_gate)
        {
            if (_perUser.TryGetValue(user, out var count))
            {
                if (count <= 1)
                {
                    _perUser.Remove(user);
                }
                else
                {
                    _perUser[user] = count - 1;
                }
            }
        }
    }

    public void Sweep()
    {
        foreach (var client in _clients.Keys)
        {
            client.Sweep();
        }
    }

    public void Dispose() => _sweeper?.Dispose();
}
