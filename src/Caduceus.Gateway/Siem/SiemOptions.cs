using Caduceus.Gateway.Siem.AzureMonitor;
using Caduceus.Gateway.Siem.Delivery;
using Caduceus.Gateway.Siem.Elastic;
using Caduceus.Gateway.Siem.Otlp;
using Caduceus.Gateway.Siem.Splunk;

namespace Caduceus.Gateway.Siem;

/// <summary>The <c>Siem</c> section: which exporters are on, and how they deliver.</summary>
public sealed class SiemOptions
{
    public SiemDeliveryOptions Delivery { get; set; } = new();

    public SyslogOptions Syslog { get; set; } = new();

    public SplunkOptions Splunk { get; set; } = new();

    public ElasticOptions Elastic { get; set; } = new();

    public AzureMonitorOptions AzureMonitor { get; set; } = new();

    public OtlpOptions Otlp { get; set; } = new();
}
