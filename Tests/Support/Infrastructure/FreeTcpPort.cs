using System.Net;
using System.Net.Sockets;

namespace Scanner.Tests.Support.Infrastructure;

/// <summary>A loopback TCP port nobody listens on right now, for servers a test starts (tests run beside each other).</summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
