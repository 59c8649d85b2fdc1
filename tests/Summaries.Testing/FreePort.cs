using System.Net;
using System.Net.Sockets;

namespace Summaries.Testing;

/// <summary>
/// An unused loopback port for a service under test. Taken below the kernel's ephemeral range
/// (32768–60999 on Linux): a port the OS hands out from that range can be taken by any outgoing
/// connection between the moment it is chosen and the moment the service process binds it, which
/// on a loaded machine made a service fail to start with "address already in use".
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Count = 12000;

    // Each test process starts at its own place, so parallel test processes seldom try the same ports.
    private static int _next = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var tries = 0; tries < Count; tries++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port in {First}-{First + Count - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
