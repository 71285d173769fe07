using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Caduceus.LoadTest.Receivers;

/// <summary>
/// A syslog collector on a loopback TCP port that reads octet-counted messages (RFC 6587: <c>LENGTH SP MESSAGE</c>),
/// counts them and throws them away.
/// </summary>
internal sealed class SyslogTcpReceiver : IAsyncDisposable
{
    private const int MaxMessageBytes = 1024 * 1024;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly byte[] _forbidden;
    private readonly Task _accepting;

    public SyslogTcpReceiver(ReadOnlySpan<byte> forbidden)
    {
        _forbidden = forbidden.ToArray();
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ReceivedTally Tally { get; } = new("syslog-tcp");

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(static _ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                connections.Add(ReadAsync(client));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(connections).ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private async Task ReadAsync(TcpClient client)
    {
        using (client)
        {
            var stream = new BufferedStream(client.GetStream(), 64 * 1024);
            await using (stream)
            {
                try
                {
                    while (await ReadLengthAsync(stream, _stopping.Token) is { } length)
                    {
                        var message = ArrayPool<byte>.Shared.Rent(length);
                        try
                        {
                            await stream.ReadExactlyAsync(message.AsMemory(0, length), _stopping.Token);
                            Tally.Add(1, message.AsSpan(0, length), _forbidden);
                        }
                        finally
                        {
                            ArrayPool<byte>.Shared.Return(message);
                        }
                    }
                }
                catch (Exception exception) when (exception is OperationCanceledException or IOException or EndOfStreamException or SocketException or InvalidDataException)
                {
                    // The sender closed the connection, sent something that is not octet counting, or we stopped.
                }
            }
        }
    }

    /// <summary>The decimal length before the space; null at a clean end of stream.</summary>
    private static async Task<int?> ReadLengthAsync(Stream stream, CancellationToken cancellationToken)
    {
        var length = 0;
        var digits = 0;
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return digits == 0 ? null : throw new EndOfStreamException();
            }

            if (one[0] == (byte)' ' && digits > 0)
            {
                return length;
            }

            if (one[0] is < (byte)'0' or > (byte)'9' || ++digits > 7 || (length = (length * 10) + one[0] - '0') > MaxMessageBytes)
            {
                throw new InvalidDataException("not an octet-counted syslog frame");
            }
        }
    }
}
