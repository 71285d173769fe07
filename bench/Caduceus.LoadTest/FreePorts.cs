using System.Net;
using System.Net.Sockets;

namespace Caduceus.LoadTest;

/// <summary>Free loopback ports, found by letting the OS pick for a listener on port 0.</summary>
internal static class FreePorts
{
    /// <summary>Distinct free ports; all listeners stay open until every port is chosen, so none repeats.</summary>
    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
