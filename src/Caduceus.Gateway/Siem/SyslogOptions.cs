namespace Caduceus.Gateway.Siem;

/// <summary>Security events to a syslog collector as RFC 5424 messages with CEF payloads (<c>Siem:Syslog</c>); off until Host is set.</summary>
public sealed class SyslogOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 514;

    /// <summary>Udp (RFC 5426) or Tcp (RFC 6587, octet counting).</summary>
    public SyslogProtocol Protocol { get; set; } = SyslogProtocol.Udp;

    /// <summary>Events waiting to be sent; when full, new events are dropped and counted rather than slowing requests.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);
}

public enum SyslogProtocol
{
    Udp,
    Tcp,
}
