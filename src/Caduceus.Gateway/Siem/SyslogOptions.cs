namespace Caduceus.Gateway.Siem;

/// <summary>Security events to a syslog collector as RFC 5424 messages with CEF payloads (<c>Siem:Syslog</c>); off until Host is set.</summary>
public sealed class SyslogOptions
{
    public string? Host { get; set; }

    /// <summary>Defaults to 514, or 6514 for <see cref="SyslogProtocol.Tls"/>.</summary>
    public int? Port { get; set; }

    /// <summary>Udp (RFC 5426, best effort), Tcp (RFC 6587, octet counting) or Tls (RFC 5425).</summary>
    public SyslogProtocol Protocol { get; set; } = SyslogProtocol.Udp;

    /// <summary>Tls: PEM file with the CA certificate(s) the collector's certificate must chain to; without it, the system's trusted roots.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>Tls: PFX file with a client certificate for collectors that require mutual TLS.</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>Tls: name of the environment variable that holds the client certificate's password.</summary>
    public string? ClientCertificatePasswordEnvironmentVariable { get; set; }

    /// <summary>Tls: the name the collector's certificate must carry; defaults to <see cref="Host"/>.</summary>
    public string? ServerName { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port ?? (Protocol == SyslogProtocol.Tls ? 6514 : 514);
}

public enum SyslogProtocol
{
    Udp,
    Tcp,
    Tls,
}
