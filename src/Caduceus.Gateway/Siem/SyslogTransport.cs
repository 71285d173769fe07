using System.Buffers.Text;
using System.Net.Security;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Caduceus.Events;
using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.Siem.Delivery;

namespace Caduceus.Gateway.Siem;

/// <summary>
/// Syslog to a collector (Splunk, QRadar, Sentinel's agent, rsyslog): RFC 5424 framing, CEF payload; over UDP one
/// datagram per event, over TCP and TLS octet-counted frames (RFC 6587, RFC 5425) on one kept connection. Syslog has
/// no application-level acknowledgement: a batch counts as delivered once written to a connection the collector has
/// not closed; a collector that closed it gets a fresh connection and the batch again.
/// </summary>
internal sealed class SyslogTransport(SyslogOptions options) : ISiemTransport
{
    private static readonly string Version = typeof(SyslogTransport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0";

    private readonly string _hostName = Environment.MachineName;
    private readonly X509Certificate2Collection? _trustedRoots = LoadRoots(options.CaCertificatePath);
    private readonly X509Certificate2? _clientCertificate = options.ClientCertificatePath is { Length: > 0 } path
        ? GatewayTls.LoadPkcs12(path, options.ClientCertificatePasswordEnvironmentVariable)
        : null;

    private UdpClient? _udp;
    private TcpClient? _tcp;
    private Stream? _stream;

    public string Name => "syslog";

    /// <summary>The syslog line for one event.</summary>
    public static string Format(SecurityEvent securityEvent, string hostName) =>
        SyslogMessage.Format(securityEvent.Time, hostName, securityEvent.Type, OcsfClass.Of(securityEvent).SeverityId, CefFormatter.Format(securityEvent, Version));

    public async Task<DeliveryResult> SendAsync(IReadOnlyList<SecurityEvent> batch, CancellationToken cancellationToken)
    {
        if (options.Protocol == SyslogProtocol.Udp)
        {
            _udp ??= new UdpClient();
            foreach (var securityEvent in batch)
            {
                await _udp.SendAsync(Encoding.UTF8.GetBytes(Format(securityEvent, _hostName)), options.Host!, options.EffectivePort, cancellationToken);
            }

            return DeliveryResult.Acknowledged;
        }

        try
        {
            var stream = await ConnectedStreamAsync(cancellationToken);
            await stream.WriteAsync(Frames(batch), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            return DeliveryResult.Acknowledged;
        }
        catch
        {
            await CloseAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _udp?.Dispose();
        await CloseAsync();
        _clientCertificate?.Dispose();
    }

    private byte[] Frames(IReadOnlyList<SecurityEvent> batch)
    {
        using var frames = new MemoryStream();
        Span<byte> length = stackalloc byte[12];
        foreach (var securityEvent in batch)
        {
            var message = Encoding.UTF8.GetBytes(Format(securityEvent, _hostName));
            Utf8Formatter.TryFormat(message.Length, length, out var written);
            frames.Write(length[..written]);
            frames.WriteByte((byte)' ');
            frames.Write(message);
        }

        return frames.ToArray();
    }

    private async Task<Stream> ConnectedStreamAsync(CancellationToken cancellationToken)
    {
        if (_stream is not null && !PeerClosed(_tcp!.Client))
        {
            return _stream;
        }

        await CloseAsync();
        _tcp = new TcpClient { NoDelay = true };
        await _tcp.ConnectAsync(options.Host!, options.EffectivePort, cancellationToken);
        if (options.Protocol != SyslogProtocol.Tls)
        {
            return _stream = _tcp.GetStream();
        }

        var tls = new SslStream(_tcp.GetStream(), leaveInnerStreamOpen: false);
        _stream = tls;
        await tls.AuthenticateAsClientAsync(ClientAuthentication(), cancellationToken);
        return tls;
    }

    private SslClientAuthenticationOptions ClientAuthentication()
    {
        var authentication = new SslClientAuthenticationOptions
        {
            TargetHost = options.ServerName is { Length: > 0 } name ? name : options.Host,
            EnabledSslProtocols = GatewayTls.Protocols,
        };
        if (_trustedRoots is not null)
        {
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(_trustedRoots);
            authentication.CertificateChainPolicy = policy;
        }

        if (_clientCertificate is not null)
        {
            authentication.ClientCertificates = [_clientCertificate];
        }

        return authentication;
    }

    // A collector that went away closed its end: the socket reads as ready with nothing to read.
    private static bool PeerClosed(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private async ValueTask CloseAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
            _stream = null;
        }

        _tcp?.Dispose();
        _tcp = null;
    }

    private static X509Certificate2Collection? LoadRoots(string? path)
    {
        if (path is not { Length: > 0 })
        {
            return null;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        return roots;
    }
}
