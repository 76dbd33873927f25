namespace Scanner.Gateway.Connections;

/// <summary>Why <see cref="ClientRegistry.TryAdmit"/> refused a new socket.</summary>
internal enum ConnectionRefusal
{
    None,
    TooManyConnections,
    TooManyUnauthenticated,
    TooManyFromAddress,
}

/// <summary>
/// A socket's place in the <see cref="ClientRegistry"/> caps (total, unauthenticated, per address), taken before
/// the upgrade and held until the socket ends. Its state changes only under the registry's lock.
/// </summary>
internal sealed class ConnectionSlot(ClientRegistry registry, string address, bool authenticated) : IDisposable
{
    public string Address { get; } = address;

    internal bool Authenticated { get; set; } = authenticated;

    internal bool Released { get; set; }

    /// <summary>The socket authenticated: it no longer counts against the unauthenticated cap.</summary>
    public void MarkAuthenticated() => registry.MarkAuthenticated(this);

    public void Dispose() => registry.Release(this);
}
