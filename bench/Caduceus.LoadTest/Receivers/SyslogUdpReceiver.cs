using System.Net;
using System.Net.Sockets;

namespace Caduceus.LoadTest.Receivers;

/// <summary>A syslog collector on a loopback UDP port: every datagram is one message, counted and thrown away.</summary>
internal sealed class SyslogUdpReceiver : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stopping = new();
    private readonly byte[] _forbidden;
    private readonly Task _receiving;

    public SyslogUdpReceiver(ReadOnlySpan<byte> forbidden)
    {
        _forbidden = forbidden.ToArray();
        // A burst must not overflow the kernel's buffer while this process is busy sending load.
        _socket.ReceiveBufferSize = 8 * 1024 * 1024;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _receiving = ReceiveAsync();
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public ReceivedTally Tally { get; } = new("syslog-udp");

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _socket.Dispose();
        await _receiving.ContinueWith(static _ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[65536];
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token);
                Tally.Add(1, buffer.AsSpan(0, received), _forbidden);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
