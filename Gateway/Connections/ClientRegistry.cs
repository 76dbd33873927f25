using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Scanner.Gateway.Hosting;

namespace Scanner.Gateway.Connections;

/// <summary>
/// The open client connections: admits new sockets within the caps (total, unauthenticated, per client address),
/// enforces connections per user and runs one sweep a second that closes stalled, unauthenticated and idle clients
/// (one timer for all clients, nothing per send).
/// </summary>
internal sealed class ClientRegistry(IOptions<GatewayOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<ClientConnection, byte> _clients = new();
    private readonly Dictionary<string, int> _perUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perAddress = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Timer? _sweeper;
    private int _admitted;
    private int _unauthenticated;

    public int Count => _clients.Count;

    /// <summary>The protocol sessions of the open connections (what the gateway's own tests inspect).</summary>
    public IReadOnlyCollection<ClientSession> Sessions => [.. _clients.Keys.Select(c => c.Session)];

    public void Start() => _sweeper = new Timer(_ => Sweep(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    public void Add(ClientConnection client) => _clients.TryAdd(client, 0);

    public void Remove(ClientConnection client) => _clients.TryRemove(client, out _);

    /// <summary>Sockets admitted and not yet released, and those of them not yet authenticated.</summary>
    public (int Admitted, int Unauthenticated) Admissions
    {
        get
        {
            lock (_gate)
            {
                return (_admitted, _unauthenticated);
            }
        }
    }

    /// <summary>Takes a slot for a new socket from <paramref name="address"/> before its upgrade, or says which cap refuses it.</summary>
    public ConnectionRefusal TryAdmit(string address, bool authenticated, out ConnectionSlot? slot)
    {
        var settings = options.Value;
        slot = null;
        lock (_gate)
        {
            var fromAddress = _perAddress.GetValueOrDefault(address);
            var refusal = _admitted >= settings.MaxConnections ? ConnectionRefusal.TooManyConnections
                : !authenticated && _unauthenticated >= settings.MaxUnauthenticatedConnections ? ConnectionRefusal.TooManyUnauthenticated
                : fromAddress >= settings.MaxConnectionsPerAddress ? ConnectionRefusal.TooManyFromAddress
                : ConnectionRefusal.None;
            if (refusal != ConnectionRefusal.None)
            {
                return refusal;
            }
            _admitted++;
            _unauthenticated += authenticated ? 0 : 1;
            _perAddress[address] = fromAddress + 1;
        }
        slot = new ConnectionSlot(this, address, authenticated);
        return ConnectionRefusal.None;
    }

    public void MarkAuthenticated(ConnectionSlot slot)
    {
        lock (_gate)
        {
            if (!slot.Authenticated && !slot.Released)
            {
                slot.Authenticated = true;
                _unauthenticated--;
            }
        }
    }

    public void Release(ConnectionSlot slot)
    {
        lock (_gate)
        {
            if (slot.Released)
            {
                return;
            }
            slot.Released = true;
            _admitted--;
            _unauthenticated -= slot.Authenticated ? 0 : 1;
            Decrement(_perAddress, slot.Address);
        }
    }

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
            Decrement(_perUser, user);
        }
    }

    private static void Decrement(Dictionary<string, int> counts, string key)
    {
        if (counts.TryGetValue(key, out var count))
        {
            if (count <= 1)
            {
                counts.Remove(key);
            }
            else
            {
                counts[key] = count - 1;
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
