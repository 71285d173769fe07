using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Threading.Channels;
using Caduceus.Events;
using Microsoft.Extensions.Hosting;

namespace Caduceus.Gateway.Siem;

/// <summary>
/// Sends security events to a syslog collector (Splunk, QRadar, Sentinel's agent, rsyslog): RFC 5424 framing, CEF
/// payload. Publishing only queues (requests never wait for the network); a background loop sends, and over TCP
/// reconnects with backoff and resends the message it was holding, so a collector restart loses nothing that was queued.
/// </summary>
internal sealed class SyslogSecurityEventSink : BackgroundService, ISecurityEventSink
{
    private static readonly string Version = typeof(SyslogSecurityEventSink).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0";

    private readonly SyslogOptions _options;
    private readonly Channel<SecurityEvent> _queue;
    private readonly string _hostName = Environment.MachineName;
    private long _dropped;

    public SyslogSecurityEventSink(SyslogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _queue = Channel.CreateBounded<SecurityEvent>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }

    /// <summary>Events dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Publish(SecurityEvent securityEvent)
    {
        if (!_queue.Writer.TryWrite(securityEvent))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>The syslog line for one event.</summary>
    public static string Format(SecurityEvent securityEvent, string hostName) =>
        SyslogMessage.Format(securityEvent.Time, hostName, securityEvent.Type, OcsfClass.Of(securityEvent).SeverityId, CefFormatter.Format(securityEvent, Version));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Protocol == SyslogProtocol.Udp)
        {
            using var udp = new UdpClient();
            await foreach (var securityEvent in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                var bytes = Encoding.UTF8.GetBytes(Format(securityEvent, _hostName));
                try
                {
                    await udp.SendAsync(bytes, _options.Host!, _options.Port, stoppingToken);
                }
                catch (SocketException)
                {
                    // UDP syslog is best effort by definition; TCP is the reliable choice.
                }
            }

            return;
        }

        await SendOverTcpAsync(stoppingToken);
    }

    private async Task SendOverTcpAsync(CancellationToken stoppingToken)
    {
        TcpClient? tcp = null;
        var backoff = TimeSpan.FromMilliseconds(100);
        try
        {
            await foreach (var securityEvent in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                var message = Encoding.UTF8.GetBytes(Format(securityEvent, _hostName));
                var frame = Encoding.ASCII.GetBytes($"{message.Length} ").Concat(message).ToArray();
                while (true)
                {
                    try
                    {
                        if (tcp is not { Connected: true })
                        {
                            tcp?.Dispose();
                            tcp = new TcpClient { NoDelay = true };
                            await tcp.ConnectAsync(_options.Host!, _options.Port, stoppingToken);
                        }

                        await tcp.GetStream().WriteAsync(frame, stoppingToken);
                        backoff = TimeSpan.FromMilliseconds(100);
                        break;
                    }
                    catch (Exception e) when (e is SocketException or IOException)
                    {
                        tcp?.Dispose();
                        tcp = null;
                        await Task.Delay(backoff, stoppingToken);
                        backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            tcp?.Dispose();
        }
    }
}
