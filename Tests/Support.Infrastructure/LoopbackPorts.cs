using System.Net;
using System.Net.Sockets;

namespace Scanner.Tests.Support.Infrastructure;

/// <summary>TCP ports on 127.0.0.1 for the servers and processes a test or a launch starts.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on now (the operating system's pick).</summary>
    public static int Free() => Bind(0);

    /// <summary><paramref name="port"/>, after checking nothing listens on it, so that a busy port fails with its number.</summary>
    public static int Available(int port)
    {
        try
        {
            return Bind(port);
        }
        catch (SocketException ex)
        {
            throw new InvalidOperationException($"port {port} on 127.0.0.1 is in use", ex);
        }
    }

    private static int Bind(int port)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
