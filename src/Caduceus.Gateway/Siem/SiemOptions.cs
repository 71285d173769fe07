using Caduceus.Gateway.Siem.Delivery;

namespace Caduceus.Gateway.Siem;

/// <summary>The <c>Siem</c> section: which exporters are on, and how they deliver.</summary>
public sealed class SiemOptions
{
    public SiemDeliveryOptions Delivery { get; set; } = new();

    public SyslogOptions Syslog { get; set; } = new();
}
